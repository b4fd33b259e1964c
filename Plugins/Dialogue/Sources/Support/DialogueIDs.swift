import ThiduaModuleKit

/// The module's kinds of entity on the wire: "dl17" is dialogue 17, "ag17" agreement 17, "bs17"
/// bargaining session 17.
enum DialogueID {
    static let dialogue = EntityKind(prefix: "dl", noun: "dialogue", rule: "dialogue.dialogue_exists")
    static let agreement = EntityKind(prefix: "ag", noun: "agreement", rule: "dialogue.agreement_exists")
    static let session = EntityKind(prefix: "bs")
}
