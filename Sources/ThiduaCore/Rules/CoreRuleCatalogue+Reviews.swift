import ThiduaModuleKit

extension CoreRuleCatalogue {
    /// The review workflow: submitted, reviewed level by level, decided, published, corrected.
    static let reviews: [RuleDescription] = [
        RuleDescription(
            "review.exists", .notFound,
            en: "The review does not exist",
            vi: "Hồ sơ xét duyệt không tồn tại"
        ),
        RuleDescription(
            "review.transition", .failedPrecondition,
            en: "The review is in a state that does not allow this step",
            vi: "Hồ sơ xét duyệt đang ở trạng thái không cho phép bước này"
        ),
        RuleDescription(
            "review.reason_required", .invalidArgument,
            en: "A rejection needs a reason",
            vi: "Trả lại hồ sơ phải nêu rõ lý do"
        ),
        RuleDescription(
            "review.published_immutable", .failedPrecondition,
            en: "A published result never changes; correct it with a new review",
            vi: "Kết quả đã công bố không được thay đổi; hãy đính chính bằng một hồ sơ xét duyệt mới"
        ),
        RuleDescription(
            "review.already_open", .failedPrecondition,
            en: "What is submitted already has a review under way",
            vi: "Nội dung này đang có một hồ sơ xét duyệt chưa kết thúc"
        ),
        RuleDescription(
            "review.already_corrected", .failedPrecondition,
            en: "The review is already corrected by a later one; correct that one",
            vi: "Hồ sơ xét duyệt này đã được đính chính bằng một hồ sơ sau; hãy đính chính hồ sơ đó"
        ),
        RuleDescription(
            "review.decider_above", .failedPrecondition,
            en: "A review climbs to a unit above the one that submits it",
            vi: "Hồ sơ chỉ được trình lên một đơn vị cấp trên của đơn vị đề nghị"
        ),
    ]
}
