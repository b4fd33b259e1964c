import ThiduaModuleKit

extension CoreRuleCatalogue {
    /// The audit trail, the change feed and imports.
    static let records: [RuleDescription] = [
        RuleDescription(
            "audit.range", .invalidArgument,
            en: "The start of the range (from_unix_ms) is after its end (to_unix_ms)",
            vi: "Thời điểm bắt đầu (from_unix_ms) ở sau thời điểm kết thúc (to_unix_ms)"
        ),
        RuleDescription(
            "changes.limit.max", .invalidArgument,
            en: "One read of the change feed takes at most {limit} changes",
            vi: "Mỗi lần đọc luồng thay đổi lấy tối đa {limit} thay đổi"
        ),
        RuleDescription(
            "import.csv_syntax", .invalidArgument,
            en: "The file is not valid CSV; nothing was imported",
            vi: "Tệp không đúng định dạng CSV; không có dữ liệu nào được nhập"
        ),
    ]
}
