import ThiduaModuleKit

/// The permissions of the module's methods.
enum InnovationPermissions {
    static let read = "innovation.read"
    static let file = "innovation.file"
    static let decide = "innovation.decide"
    static let configure = "innovation.configure"

    static let all: [PermissionDescription] = [
        PermissionDescription(read, "see initiatives, their history, the innovation reports, title conditions and benefit bands"),
        PermissionDescription(file, "file, change, submit for recognition and withdraw initiatives of the key's units"),
        PermissionDescription(decide, "import registers an upper level's council has decided"),
        PermissionDescription(configure, "set the benefit bands of the Bằng Lao động sáng tạo (a key on the root)"),
    ]
}
