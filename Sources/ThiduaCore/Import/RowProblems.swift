import ThiduaModuleKit

/// The problems found in a CSV file, each naming its line and column. At most `limit` are kept.
struct RowProblems {
    private(set) var details: [ErrorDetail] = []
    private(set) var count = 0
    static let limit = 100

    mutating func add(line: Int, column: String, rule: String, _ description: String) {
        self.count += 1
        if self.details.count < Self.limit {
            self.details.append(ErrorDetail(field: "line \(line), column \(column)", rule: rule, description: description))
        }
    }

    var isEmpty: Bool { self.count == 0 }

    /// The refusal of the whole file.
    func error() -> RPCError {
        RPCError(
            .invalidArgument,
            "the file has \(self.count) problem\(self.count == 1 ? "" : "s"); nothing was imported"
                + (self.count > Self.limit ? " (the first \(Self.limit) are listed)" : ""),
            details: self.details
        )
    }

    static func syntax(_ error: CSVTable.SyntaxError) -> RPCError {
        RPCError(
            .invalidArgument,
            "the file is not valid CSV: line \(error.line): \(error.message); nothing was imported",
            details: [ErrorDetail(field: "line \(error.line)", rule: "import.csv_syntax", description: error.message)]
        )
    }
}

/// Reads the cells of one record by column name.
struct CSVRow {
    let record: CSVTable.Record
    let columns: [String: Int]

    var line: Int { self.record.line }

    subscript(_ column: String) -> String {
        guard let index = self.columns[column], index < self.record.fields.count else { return "" }
        return self.record.fields[index].trimmingCharacters(in: .whitespaces)
    }
}

/// Names accepted in CSV cells for the core's enums: the proto value name, any case, with the
/// Vietnamese words people write too.
enum CSVValues {
    static func kind(_ text: String) -> UnitKind? {
        Self.lookup(text, UnitKind.allCases.filter { $0 != .unspecified }, name: \.protoName)
    }

    static func sector(_ text: String) -> Sector? {
        text.isEmpty ? .unspecified : Self.lookup(text, Sector.allCases.filter { $0 != .unspecified }, name: \.protoName)
    }

    static func gender(_ text: String) -> Gender? {
        switch text.lowercased() {
        case "female", "nữ", "nu", "f": .female
        case "male", "nam", "m": .male
        default: nil
        }
    }

    static func flag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "", "false", "0", "no", "không": false
        case "true", "1", "yes", "có": true
        default: nil
        }
    }

    private static func lookup<E>(_ text: String, _ cases: [E], name: (E) -> String) -> E? {
        let wanted = text.uppercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        return cases.first { name($0) == wanted }
    }
}

extension UnitKind {
    /// The value's name in the .proto, such as "GRASSROOTS_UNION".
    var protoName: String {
        switch self {
        case .unspecified: "UNIT_KIND_UNSPECIFIED"
        case .confederation: "CONFEDERATION"
        case .provincialFederation: "PROVINCIAL_FEDERATION"
        case .districtFederation: "DISTRICT_FEDERATION"
        case .communeUnion: "COMMUNE_UNION"
        case .industrialParkUnion: "INDUSTRIAL_PARK_UNION"
        case .sectorUnion: "SECTOR_UNION"
        case .grassrootsUnion: "GRASSROOTS_UNION"
        case .UNRECOGNIZED(let value): "UNIT_KIND_\(value)"
        }
    }
}

extension Sector {
    /// The value's name in the .proto, such as "NON_STATE_ENTERPRISE".
    var protoName: String {
        switch self {
        case .unspecified: "SECTOR_UNSPECIFIED"
        case .communeTown: "COMMUNE_TOWN"
        case .publicAgency: "PUBLIC_AGENCY"
        case .nonStateEnterprise: "NON_STATE_ENTERPRISE"
        case .school: "SCHOOL"
        case .stateEnterprise: "STATE_ENTERPRISE"
        case .foreignInvestedEnterprise: "FOREIGN_INVESTED_ENTERPRISE"
        case .UNRECOGNIZED(let value): "SECTOR_\(value)"
        }
    }
}
