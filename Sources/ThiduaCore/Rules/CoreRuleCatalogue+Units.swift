import ThiduaModuleKit

extension CoreRuleCatalogue {
    /// The organisation tree and the emulation clusters.
    static let units: [RuleDescription] = [
        RuleDescription(
            "unit.exists", .notFound,
            en: "The unit does not exist",
            vi: "Đơn vị không tồn tại"
        ),
        RuleDescription(
            "unit.live", .failedPrecondition,
            en: "The unit was dissolved",
            vi: "Đơn vị đã giải thể"
        ),
        RuleDescription(
            "unit.parent_kind", .failedPrecondition,
            en: "A unit of this kind cannot sit under that parent: a unit sits under one of a higher level",
            vi: "Đơn vị loại này không thể trực thuộc đơn vị cấp trên đã chọn: đơn vị phải trực thuộc một đơn vị cấp cao hơn"
        ),
        RuleDescription(
            "unit.root_kind", .invalidArgument,
            en: "A confederation is the root of the tree and has no parent",
            vi: "Tổng Liên đoàn là đơn vị cấp cao nhất, không có đơn vị cấp trên"
        ),
        RuleDescription(
            "unit.root_fixed", .failedPrecondition,
            en: "The root unit cannot move",
            vi: "Không thể chuyển đơn vị cấp cao nhất"
        ),
        RuleDescription(
            "unit.code_unique", .alreadyExists,
            en: "The unit code already belongs to another unit",
            vi: "Mã đơn vị đã được dùng cho một đơn vị khác"
        ),
        RuleDescription(
            "unit.move_cycle", .failedPrecondition,
            en: "A unit cannot move below itself",
            vi: "Không thể chuyển một đơn vị xuống dưới chính nó hoặc đơn vị cấp dưới của nó"
        ),
        RuleDescription(
            "unit.merge_sources", .invalidArgument,
            en: "The units merged are distinct and do not include the unit they merge into",
            vi: "Các đơn vị được sáp nhập phải khác nhau và không được gồm đơn vị tiếp nhận"
        ),
        RuleDescription(
            "unit.no_live_children", .failedPrecondition,
            en: "The unit still has live units below it; move or dissolve them first",
            vi: "Đơn vị vẫn còn đơn vị trực thuộc đang hoạt động; hãy chuyển hoặc giải thể các đơn vị đó trước"
        ),
        RuleDescription(
            "cluster.exists", .notFound,
            en: "The emulation cluster does not exist",
            vi: "Cụm thi đua không tồn tại"
        ),
        RuleDescription(
            "cluster.year", .invalidArgument,
            en: "The year of a cluster must be a calendar year",
            vi: "Năm của cụm thi đua phải là một năm dương lịch hợp lệ"
        ),
        RuleDescription(
            "cluster.units", .invalidArgument,
            en: "A cluster names one or more distinct units",
            vi: "Cụm thi đua phải gồm một hoặc nhiều đơn vị khác nhau"
        ),
        RuleDescription(
            "cluster.head_member", .invalidArgument,
            en: "The head of a cluster is one of its units",
            vi: "Đơn vị cụm trưởng phải là một đơn vị trong cụm"
        ),
    ]
}
