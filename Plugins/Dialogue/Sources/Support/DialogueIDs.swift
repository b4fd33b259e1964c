import ThiduaModuleKit

/// The module's kinds of entity on the wire: "dl17" is dialogue 17, "ag17" agreement 17, "bs17"
/// bargaining session 17.
enum DialogueID {
    static let dialogue = EntityKind(prefix: "dl")
    static let agreement = EntityKind(prefix: "ag")
    static let session = EntityKind(prefix: "bs")
}
