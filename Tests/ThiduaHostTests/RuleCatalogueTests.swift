import Foundation
import Testing
import ThiduaApp
import ThiduaBuiltinModules
import ThiduaCalls
import ThiduaWire

/// The rule catalogue against the sources: every rule name the server writes is declared once,
/// with the status its raise sites use and the values its messages need, and every declared
/// rule is raised somewhere.
@Suite struct RuleCatalogueTests {
    let catalogue: RuleCatalogue
    let sources: RuleNamesInSources

    /// Read once for every test of the suite.
    private static let read = Result {
        let catalogue = try RuleCatalogue(RuleSection.all(modules: BuiltinModules.all).flatMap(\.rules))
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (catalogue, try RuleNamesInSources(root: repository))
    }

    init() throws {
        (self.catalogue, self.sources) = try Self.read.get()
    }

    @Test func theSourcesAreRead() {
        // A scan that finds nothing proves nothing: these are raised in the core, the host and a module.
        #expect(self.sources.sites.count > 300)
        #expect(self.sources.names.isSuperset(of: ["field.required", "handshake.first", "dialogue.vote_majority"]))
        #expect(self.sources.otherNames.isSuperset(of: ["review.already_open", "handshake.credentials"]))
    }

    @Test func everyRuleTheSourcesNameIsDeclared() {
        for name in self.sources.names.sorted() where self.catalogue[name] == nil {
            let site = self.sources.sites.first { $0.name == name }
            Issue.record("rule \(name) (\(site.map { "\($0.file):\($0.line)" } ?? "named on a line about a rule")) is not declared")
        }
        for site in self.sources.sites where site.isInterpolated {
            #expect(self.catalogue.rules.contains { site.matches($0.name) }, "\(site.file):\(site.line): no declared rule matches \(site.name)")
        }
    }

    @Test func everyDeclaredRuleIsRaised() {
        let wireRules = Set(WireError.examples.map(\.rule))
        for rule in self.catalogue.rules {
            let raised = self.sources.names.contains(rule.name) || wireRules.contains(rule.name)
                || self.sources.sites.contains { $0.isInterpolated && $0.matches(rule.name) }
            #expect(raised, "rule \(rule.name) is declared but nothing raises it")
        }
    }

    @Test func eachRefusalHasItsRulesStatusAndTheValuesOfItsMessages() {
        for site in self.sources.sites {
            let rules = site.isInterpolated ? self.catalogue.rules.filter { site.matches($0.name) } : [self.catalogue[site.name]].compactMap { $0 }
            for rule in rules {
                if let status = site.statusCaseName {
                    #expect(status == "\(rule.code)", "\(site.file):\(site.line): \(rule.name) is declared \(rule.code) but raised \(status)")
                }
                for parameter in rule.parameters {
                    #expect(
                        site.arguments.contains("values:") && site.arguments.contains("\"\(parameter)\":"),
                        "\(site.file):\(site.line): \(rule.name)'s messages take {\(parameter)}, which this refusal does not give"
                    )
                }
            }
        }
    }

    @Test func wireErrorsNameDeclaredRulesWithTheirStatus() throws {
        for error in WireError.examples {
            let rule = try #require(self.catalogue[error.rule], "WireError rule \(error.rule) is not declared")
            #expect(rule.code == error.statusCode, "\(error.rule)")
        }
    }

    @Test func everyVietnameseMessageIsWrittenInVietnamese() {
        let vietnameseLetters = CharacterSet(charactersIn: "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ")
        for rule in self.catalogue.rules {
            let text = rule.vietnamese.text.lowercased()
            #expect(text.unicodeScalars.contains { vietnameseLetters.contains($0) }, "\(rule.name): \(text)")
            #expect(rule.vietnamese.text != rule.english.text, "\(rule.name)")
        }
    }
}

extension WireError {
    /// One error of each kind.
    static let examples: [WireError] = [
        .frameTooLarge(announced: 2, limit: 1), .frameTimedOut(milliseconds: 1), .malformedFrame(reason: "x"),
        .unknownFrameKind, .truncatedFrame(bufferedBytes: 1),
    ]
}
