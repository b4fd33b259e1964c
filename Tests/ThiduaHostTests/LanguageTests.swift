import Testing
import ThiduaCalls
import ThiduaWire

/// Choosing a language from an Accept-Language value, message templates, and a refusal written
/// from the catalogue, without a server.
@Suite struct LanguageTests {
    @Test(arguments: [
        ("vi", Language.vietnamese), ("vi-VN", .vietnamese), ("VI", .vietnamese), ("en", .english), ("en-GB", .english),
        ("fr, vi;q=0.5", .vietnamese), ("vi;q=0.4, en;q=0.6", .english), ("en;q=0.5, vi", .vietnamese),
        ("vi;q=0, en;q=0.1", .english), ("*", .english), ("fr, *;q=0.1", .english), (" vi-VN ; q=0.9 ", .vietnamese),
    ])
    func aSupportedLanguageIsChosen(header: String, expected: Language) {
        #expect(Language(acceptLanguage: header) == expected, "\(header)")
    }

    @Test(arguments: ["", "fr", "de-DE, fr;q=0.5", "vi;q=0", "vi;q=2", "vi;q=x", ",,"])
    func noSupportedLanguageIsNone(header: String) {
        #expect(Language(acceptLanguage: header) == nil, "\(header)")
    }

    @Test func aTemplateFillsItsParameters() {
        let template: MessageTemplate = "Biểu quyết không đạt: {approving} trên tổng số {total} người lao động tán thành, chưa quá {percent}%"
        #expect(template.parameters == ["approving", "total", "percent"])
        #expect(template.syntaxProblem == nil)
        #expect(
            template.render(["approving": "90", "total": "200", "percent": "50", "unused": "x"])
                == "Biểu quyết không đạt: 90 trên tổng số 200 người lao động tán thành, chưa quá 50%"
        )
        #expect(template.render(["approving": "90", "total": "200"]) == nil)
    }

    @Test func aMalformedTemplateSaysWhy() {
        #expect(MessageTemplate("{open").syntaxProblem != nil)
        #expect(MessageTemplate("close}").syntaxProblem != nil)
        #expect(MessageTemplate("{Upper}").syntaxProblem != nil)
        #expect(MessageTemplate("{}").syntaxProblem != nil)
        #expect(MessageTemplate("no parameter").parameters.isEmpty)
    }

    @Test func aCatalogueRefusesARuleDeclaredTwiceOrMalformed() {
        let rule = RuleDescription("probe.gone", .notFound, en: "Gone", vi: "Đã mất")
        #expect(throws: RuleCatalogueError.self) { try RuleCatalogue([rule, rule]) }
        #expect(throws: RuleCatalogueError.self) {
            try RuleCatalogue([RuleDescription("Probe", .notFound, en: "Gone", vi: "Đã mất")])
        }
    }

    @Test func aRefusalIsWrittenFromTheCatalogueInVietnameseOnly() throws {
        let catalogue = try RuleCatalogue([
            RuleDescription("probe.count", .invalidArgument, en: "{count} probes is too many", vi: "{count} đầu dò là quá nhiều"),
            RuleDescription("probe.gone", .notFound, en: "Gone", vi: "Đã mất"),
        ])
        let error = RPCError(.invalidArgument, "probes holds 7 probes", field: "probes", rule: "probe.count", values: ["count": "7"])
        #expect(catalogue.localized(error, in: .english) == error)
        let vietnamese = catalogue.localized(error, in: .vietnamese)
        #expect(vietnamese.message == "7 đầu dò là quá nhiều")
        #expect(vietnamese.details.first?.description_p == "7 đầu dò là quá nhiều")
        #expect(vietnamese.details.first?.field == "probes" && vietnamese.details.first?.values == ["count": "7"])

        // A value missing: the English text stays rather than a message with a hole.
        let unfilled = catalogue.localized(RPCError(.invalidArgument, "too many", field: "probes", rule: "probe.count"), in: .vietnamese)
        #expect(unfilled.details.first?.description_p == "too many")
        #expect(unfilled.message == StatusCode.invalidArgument.summary(in: .vietnamese))

        // A rule the catalogue does not know, or none: the status's summary.
        let unknown = catalogue.localized(RPCError(.notFound, "nothing here", field: "", rule: "probe.unknown"), in: .vietnamese)
        #expect(unknown.message == "Đối tượng được nêu trong yêu cầu không tồn tại")
        #expect(catalogue.localized(RPCError(.unavailable, "bye"), in: .vietnamese).message == StatusCode.unavailable.summary(in: .vietnamese))
    }

    @Test func severalReasonsShowTheFirstAndHowManyMore() throws {
        let catalogue = try RuleCatalogue([RuleDescription("probe.gone", .notFound, en: "Gone", vi: "Đã mất")])
        let error = RPCError(.invalidArgument, "3 problems", details: (1...3).map { ErrorDetail(field: "line \($0)", rule: "probe.gone", description: "gone") })
        let vietnamese = catalogue.localized(error, in: .vietnamese)
        #expect(vietnamese.message == "Đã mất (và 2 lỗi khác)")
        #expect(vietnamese.details.map(\.description_p) == ["Đã mất", "Đã mất", "Đã mất"])
    }
}
