import ThiduaModuleKit

/// The rules the module's refusals name, besides the kit's and the core's.
enum InnovationRuleCatalogue {
    static let all: [RuleDescription] = register + content + recognition + titles

    /// Decree 13/2012 (Điều lệ Sáng kiến) on what is recognised as an initiative: the domain
    /// digest gives its articles 3-4 for novelty within the unit, application and benefit.
    private static let decree13 = "Nghị định 13/2012/NĐ-CP (Điều lệ Sáng kiến), Điều 3–4 (which of the two holds this rule: not verified)"

    static let register: [RuleDescription] = [
        RuleDescription(
            "innovation.exists", .notFound,
            en: "The initiative does not exist",
            vi: "Sáng kiến không tồn tại"
        ),
        RuleDescription(
            "innovation.state", .failedPrecondition,
            en: "The initiative is in a state that does not allow this step",
            vi: "Sáng kiến đang ở trạng thái không cho phép bước này"
        ),
        RuleDescription(
            "innovation.unit_live", .failedPrecondition,
            en: "The unit was dissolved; its register is closed",
            vi: "Đơn vị đã giải thể; sổ đăng ký sáng kiến của đơn vị đã đóng"
        ),
        RuleDescription(
            "innovation.decider_above", .failedPrecondition,
            en: "A register is decided by the council of an upper level",
            vi: "Sổ đăng ký sáng kiến do hội đồng của đơn vị cấp trên quyết định"
        ),
        RuleDescription(
            "innovation.decision_future", .invalidArgument,
            en: "The decision date is after today",
            vi: "Ngày quyết định ở sau ngày hôm nay"
        ),
        RuleDescription(
            "innovation.import_rows", .invalidArgument,
            en: "An import holds 1 to {max} initiatives",
            vi: "Mỗi lần nhập có từ 1 đến {max} sáng kiến"
        ),
    ]

    static let content: [RuleDescription] = [
        RuleDescription(
            "innovation.title_words", .invalidArgument,
            en: "The title contains letters or digits",
            vi: "Tên sáng kiến phải có chữ hoặc số"
        ),
        RuleDescription(
            "innovation.benefit_range", .invalidArgument,
            en: "The benefit in VND is more than the most accepted",
            vi: "Giá trị làm lợi (VND) vượt mức tối đa được chấp nhận"
        ),
        RuleDescription(
            "innovation.authors", .invalidArgument,
            en: "An initiative has at least one author, and no more than the most accepted",
            vi: "Sáng kiến phải có ít nhất một tác giả và không vượt quá số tác giả tối đa"
        ),
        RuleDescription(
            "innovation.author_unique", .invalidArgument,
            en: "A member is listed once among the authors",
            vi: "Mỗi người chỉ được nêu một lần trong danh sách tác giả"
        ),
        RuleDescription(
            "innovation.author_shares", .invalidArgument,
            en: "Each author's share is 1 to 100 percent, and the shares sum to 100",
            vi: "Tỷ lệ đóng góp của mỗi tác giả từ 1 đến 100%, và tổng các tỷ lệ phải bằng 100%"
        ),
        RuleDescription(
            "innovation.author_current", .failedPrecondition,
            en: "The author has left the organisation",
            vi: "Tác giả đã rời khỏi tổ chức"
        ),
        RuleDescription(
            "innovation.author_in_unit", .failedPrecondition,
            en: "An author belongs to the unit or a unit below it",
            vi: "Tác giả phải thuộc đơn vị hoặc một đơn vị cấp dưới của đơn vị"
        ),
        RuleDescription(
            "innovation.first_applied_unexpected", .invalidArgument,
            en: "An initiative not yet applied has no first-application date",
            vi: "Sáng kiến chưa được áp dụng thì không có ngày áp dụng lần đầu"
        ),
        RuleDescription(
            "innovation.first_applied_future", .invalidArgument,
            en: "A first application cannot lie ahead",
            vi: "Ngày áp dụng lần đầu không được sau ngày hôm nay"
        ),
    ]

    static let recognition: [RuleDescription] = [
        RuleDescription(
            "innovation.novel_in_unit", .failedPrecondition,
            en: "The unit already filed this initiative: only the first filing is new within the unit",
            vi: "Sáng kiến trùng với một sáng kiến đã nộp trước tại đơn vị: chỉ sáng kiến nộp trước mới có tính mới trong phạm vi đơn vị",
            citation: decree13
        ),
        RuleDescription(
            "innovation.applied", .failedPrecondition,
            en: "An initiative is recognised only once applied or trial-applied",
            vi: "Sáng kiến chỉ được công nhận khi đã được áp dụng hoặc áp dụng thử",
            citation: decree13
        ),
        RuleDescription(
            "innovation.benefit_stated", .failedPrecondition,
            en: "An initiative is recognised only with its benefit stated: an amount in VND, or a note for a benefit money does not measure",
            vi: "Sáng kiến chỉ được công nhận khi nêu rõ lợi ích mang lại: giá trị làm lợi bằng tiền, hoặc mô tả lợi ích không tính được bằng tiền",
            citation: decree13
        ),
    ]

    static let titles: [RuleDescription] = [
        RuleDescription(
            "innovation.member_count", .invalidArgument,
            en: "A request names 1 to {max} members",
            vi: "Danh sách phải có từ 1 đến {max} người"
        ),
        RuleDescription(
            "innovation.bands_in_force", .failedPrecondition,
            en: "No benefit bands are in force on that day; set them first",
            vi: "Chưa có mức giá trị làm lợi nào có hiệu lực vào ngày đó; hãy thiết lập trước"
        ),
        RuleDescription(
            "innovation.band_categories", .invalidArgument,
            en: "The bands cover every worker category, each once",
            vi: "Các mức phải bao gồm mọi nhóm người lao động, mỗi nhóm một lần"
        ),
        RuleDescription(
            "innovation.band_positive", .invalidArgument,
            en: "A band's minimum benefit is more than 0 and no more than the most accepted",
            vi: "Giá trị làm lợi tối thiểu của mỗi mức phải lớn hơn 0 và không vượt mức tối đa được chấp nhận"
        ),
    ]
}
