import ThiduaModuleKit

/// The permissions the module's methods need.
public enum DialoguePermissions {
    public static let read = "dialogue.read"
    public static let write = "dialogue.write"
    public static let configure = "dialogue.configure"

    static let all: [PermissionDescription] = [
        PermissionDescription(Self.read, "See enterprises' headcounts, dialogues, agreements, the coverage reports and the rules"),
        PermissionDescription(Self.write, "Record headcounts, plan and hold dialogues, and record each step of a collective agreement"),
        PermissionDescription(Self.configure, "Add versions of the dialogue and bargaining rules (with a key on the root unit)"),
    ]
}
