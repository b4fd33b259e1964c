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
    static let campaignsRead = "campaigns.read"
    static let campaignsWrite = "campaigns.write"
    static let campaignsRegister = "campaigns.register"
    static let reviewsRead = "reviews.read"
    static let reviewsSubmit = "reviews.submit"
    static let reviewsDecide = "reviews.decide"
    static let awardsRead = "awards.read"
    static let awardsGrant = "awards.grant"
    static let awardsManage = "awards.manage"

    static let core: [PermissionDescription] = [
        PermissionDescription(unitsRead, "see units, their events and clusters"),
        PermissionDescription(unitsWrite, "create, change, move, merge and dissolve units and clusters"),
        PermissionDescription(membersRead, "see members and their history"),
        PermissionDescription(membersWrite, "add, change and transfer members"),
        PermissionDescription(keysManage, "mint, list and revoke keys inside the key's own subtree"),
        PermissionDescription(auditRead, "read the audit records"),
        PermissionDescription(changesRead, "follow the change feed"),
        PermissionDescription(reportsRead, "read the reports"),
        PermissionDescription(campaignsRead, "see campaigns, targets, registrations and progress"),
        PermissionDescription(campaignsWrite, "create, launch and advance campaigns, and set targets below the key's unit"),
        PermissionDescription(campaignsRegister, "register units and people for campaigns, and report progress"),
        PermissionDescription(reviewsRead, "see reviews and their history"),
        PermissionDescription(reviewsSubmit, "submit and resubmit results for review"),
        PermissionDescription(reviewsDecide, "approve, reject, publish and correct reviews at the key's levels"),
        PermissionDescription(awardsRead, "see the award catalogue, caps, title conditions and awards"),
        PermissionDescription(awardsGrant, "grant and revoke awards issued by units in the subtree"),
        PermissionDescription(awardsManage, "change the award catalogue, caps and title conditions (root keys only)"),
    ]

    /// The stored form: names separated by commas.
    static func parse(_ stored: String) -> Set<String> {
        Set(stored.split(separator: ",").map(String.init))
    }

    static func format(_ permissions: Set<String>) -> String {
        permissions.sorted().joined(separator: ",")
    }
}
