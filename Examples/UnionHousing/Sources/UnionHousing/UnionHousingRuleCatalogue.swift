import ThiduaModuleKit

/// The rules the module's refusals name besides the kit's and the core's, each declared once with
/// its status and its messages in English and Vietnamese. Who may be helped and how follow the
/// unions' practice for "Mái ấm Công đoàn", not an article of law: no citation.
enum UnionHousingRuleCatalogue {
    static let all: [RuleDescription] = [
        RuleDescription(
            "union_housing.union_member", .failedPrecondition,
            en: "\"Mái ấm Công đoàn\" helps union members; {member} has not joined the union",
            vi: "\"Mái ấm Công đoàn\" hỗ trợ đoàn viên công đoàn; {member} chưa gia nhập Công đoàn"
        ),
        RuleDescription(
            "union_housing.amount_positive", .invalidArgument,
            en: "{field} must be more than 0 đồng",
            vi: "{field} phải lớn hơn 0 đồng"
        ),
        RuleDescription(
            "union_housing.requested_within_cost", .invalidArgument,
            en: "The support requested, {requested} đồng, is more than the estimated cost, {cost} đồng",
            vi: "Số tiền đề nghị hỗ trợ ({requested} đồng) vượt quá dự toán chi phí ({cost} đồng)"
        ),
        RuleDescription(
            "union_housing.request_unique", .alreadyExists,
            en: "{member} already has a request in this campaign",
            vi: "{member} đã có đề nghị hỗ trợ trong phong trào thi đua này"
        ),
    ]
}
