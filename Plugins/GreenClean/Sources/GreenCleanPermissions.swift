import ThiduaModuleKit

/// The permissions the module's methods need. A key holds them over its subtree only: the unit a
/// request names must be inside it.
enum GreenCleanPermissions {
    static let read = "green_clean.read"
    static let register = "green_clean.register"
    static let appraise = "green_clean.appraise"
    static let recognise = "green_clean.recognise"
    static let facts = "green_clean.facts"
    static let manage = "green_clean.manage"

    static let all: [PermissionDescription] = [
        PermissionDescription(Self.read, "Read criteria sheets, registrations, safety facts and the recognition report"),
        PermissionDescription(Self.register, "Register a unit for a year, self-assess it and submit it for appraisal"),
        PermissionDescription(Self.appraise, "Appraise registrations as the launching unit: adjust scores, return for fixes, propose for recognition"),
        PermissionDescription(Self.recognise, "Recognise or decline proposed units (granting the Giấy khen) and propose them upward"),
        PermissionDescription(Self.facts, "Record and retract the safety facts that disqualify a unit"),
        PermissionDescription(Self.manage, "Define new versions of the criteria sheet (on the root)"),
    ]
}
