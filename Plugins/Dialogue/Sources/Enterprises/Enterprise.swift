import ThiduaModuleKit

/// Enterprises, as the core's organisation tree holds them: grassroots unions of an enterprise
/// sector.
enum Enterprise {
    static func isEnterprise(_ unit: UnitReference) -> Bool {
        unit.kind == .grassrootsUnion && unit.sector.isEnterprise
    }

    /// The enterprise named by a request field: inside the caller's subtree (NOT_FOUND,
    /// PERMISSION_DENIED), an enterprise's grassroots union (rule `dialogue.enterprise_unit`),
    /// and, when `live`, not dissolved (rule `dialogue.unit_live`).
    static func require(
        _ unitID: String, field: String, live: Bool, within principal: Principal, core: any CoreAccess, in db: Database
    ) throws -> UnitReference {
        guard !unitID.isEmpty else {
            throw RPCError(.invalidArgument, "\(field) must not be empty", field: field, rule: "field.required")
        }
        let unit = try core.unit(unitID, within: principal, field: field, in: db)
        guard Self.isEnterprise(unit) else {
            throw RPCError(
                .failedPrecondition,
                "unit \(unit.id) (\(unit.name)) is not an enterprise: dialogue and bargaining concern grassroots unions of the "
                    + "non-state, state and foreign-invested enterprise sectors",
                field: field,
                rule: "dialogue.enterprise_unit"
            )
        }
        guard !live || unit.isLive else {
            throw RPCError(.failedPrecondition, "unit \(unit.id) (\(unit.name)) was dissolved", field: field, rule: "dialogue.unit_live")
        }
        return unit
    }

    /// The root of a listing or report: the named unit, or the key's own root; inside the
    /// caller's subtree either way.
    static func root(_ unitID: String, field: String, within principal: Principal, core: any CoreAccess, in db: Database) throws -> UnitReference {
        try core.unit(unitID.isEmpty ? principal.scopeUnitID : unitID, within: principal, field: field, in: db)
    }

    /// The enterprises of the subtree under `root`, in tree order; dissolved ones only when asked.
    static func enterprises(under root: UnitReference, includeDissolved: Bool, core: any CoreAccess, in db: Database) throws -> [UnitReference] {
        try core.units(under: root.id, in: db).filter { Self.isEnterprise($0) && (includeDissolved || $0.isLive) }
    }

    /// The row number in a unit id ("u17" is 17), for ordering pages of enterprises.
    static func order(of unitID: String) -> Int64 {
        Int64(unitID.dropFirst()) ?? 0
    }
}
