import ThiduaModuleKit

/// Which kind of unit may sit under which: the levels of the union's organisation (Điều lệ Công
/// đoàn Việt Nam). A unit sits under a unit of a higher level. Two kinds may also sit under their
/// own level: a sector union under another sector union or under a district federation (the
/// education union of a district), and a grassroots union under a grassroots union (its union
/// teams, "tổ công đoàn", and departments, "công đoàn bộ phận").
///
/// | level | kinds |
/// |---|---|
/// | 0 | confederation (the root only) |
/// | 1 | provincial federation |
/// | 2 | district federation, industrial park union, sector union |
/// | 3 | commune union |
/// | 4 | grassroots union |
enum UnitHierarchy {
    static func level(of kind: UnitKind) -> Int {
        switch kind {
        case .confederation: 0
        case .provincialFederation: 1
        case .districtFederation, .industrialParkUnion, .sectorUnion: 2
        case .communeUnion: 3
        default: 4
        }
    }

    /// Whether a unit of `kind` may sit under a unit of `parent`'s kind.
    static func allows(_ kind: UnitKind, under parent: UnitKind) -> Bool {
        let (own, above) = (self.level(of: kind), self.level(of: parent))
        return above < own || (above == own && (kind == .sectorUnion || kind == .grassrootsUnion))
    }

    /// Refuses a unit of `kind` under `parent`, naming `field`.
    static func check(_ kind: UnitKind, under parent: UnitRecord, field: String) throws(RPCError) {
        guard self.allows(kind, under: parent.kind) else {
            throw RPCError(
                .failedPrecondition,
                self.refusal(kind, under: parent),
                field: field,
                rule: "unit.parent_kind"
            )
        }
    }

    static func refusal(_ kind: UnitKind, under parent: UnitRecord) -> String {
        "a \(kind) cannot sit under unit \(parent.id), a \(parent.kind): a unit sits under one of a higher level (see PROTOCOL.md, units)"
    }
}
