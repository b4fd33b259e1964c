import ThiduaModuleKit

/// The permissions of the core's methods. Modules add their own, named "<module>.<action>".
enum Permissions {
    static let all = "*"
    static let unitsRead = "units.read"
    static let unitsWrite = "units.write"
    static let membersRead = "members.read"
    static let membersWrite = "members.write"
    static let keysManage = "keys.manage"
    static let auditRead = "audit.read"
    static let changesRead = "changes.read"
    static let reportsRead = "reports.read"

    static let core: [PermissionDescription] = [
        PermissionDescription(unitsRead, "see units, their events and clusters"),
        PermissionDescription(unitsWrite, "create, change, move, merge and dissolve units and clusters"),
        PermissionDescription(membersRead, "see members and their history"),
        PermissionDescription(membersWrite, "add, change and transfer members"),
        PermissionDescription(keysManage, "mint, list and revoke keys inside the key's own subtree"),
        PermissionDescription(auditRead, "read the audit records"),
        PermissionDescription(changesRead, "follow the change feed"),
        PermissionDescription(reportsRead, "read the reports"),
    ]

    /// The stored form: names separated by commas.
    static func parse(_ stored: String) -> Set<String> {
        Set(stored.split(separator: ",").map(String.init))
    }

    static func format(_ permissions: Set<String>) -> String {
        permissions.sorted().joined(separator: ",")
    }
}
