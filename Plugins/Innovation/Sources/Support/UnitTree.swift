import ThiduaModuleKit

/// Questions about the organisation tree, answered through the core's scope checks.
struct UnitTree: Sendable {
    let core: any CoreAccess

    /// The deepest the walk goes before it gives up: far deeper than any real organisation.
    static let maxDepth = 64

    /// Whether `unitID` is `ancestorID` or below it. Walks up from `unitID`, which must be inside
    /// the key's subtree, and stops at the key's root: an ancestor above it is not met.
    func isInside(_ unitID: String, subtreeOf ancestorID: String, principal: Principal, in db: Database) throws -> Bool {
        var current: String? = unitID
        for _ in 0..<Self.maxDepth {
            guard let id = current else { return false }
            if id == ancestorID { return true }
            if id == principal.scopeUnitID { return false }
            current = try self.core.unit(id, within: principal, field: "unit_id", in: db).parentID
        }
        return false
    }

    /// Whether `unitID` is inside the key's subtree (it exists: NOT_FOUND otherwise).
    func isVisible(_ unitID: String, to principal: Principal, in db: Database) throws -> Bool {
        do {
            _ = try self.core.unit(unitID, within: principal, field: "unit_id", in: db)
            return true
        } catch let error as RPCError where error.code == .permissionDenied {
            return false
        }
    }
}
