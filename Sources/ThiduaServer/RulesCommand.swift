import ArgumentParser
import Foundation
import ThiduaApp

/// `thidua-server rules`: every rule a refusal of this build can name, its campaign modules'
/// included, whichever a deployment loads.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Print the rule catalogue: each rule's name, status, messages in English and Vietnamese, and legal basis.",
        discussion: "Without --markdown, one rule a line, its fields separated by tabs."
    )

    @Flag(help: "Print docs/RULES.md instead.")
    var markdown = false

    func run() {
        let sections = RuleSection.all(modules: ThiduaServer.modules)
        if self.markdown {
            print(RulesDocument.markdown(sections), terminator: "")
            return
        }
        for section in sections {
            for rule in section.rules.sorted(by: { $0.name < $1.name }) {
                print([rule.name, rule.code.name, rule.english.text, rule.vietnamese.text, rule.citation ?? ""].joined(separator: "\t"))
            }
        }
    }
}
