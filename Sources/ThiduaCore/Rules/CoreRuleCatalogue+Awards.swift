import ThiduaModuleKit

extension CoreRuleCatalogue {
    /// The award catalogue, caps, the conditions of titles, and awards granted and revoked.
    static let awards: [RuleDescription] = [
        RuleDescription(
            "award.exists", .notFound,
            en: "The award does not exist",
            vi: "Khen thưởng này không tồn tại"
        ),
        RuleDescription(
            "award.form_exists", .notFound,
            en: "The award catalogue has no such form",
            vi: "Danh mục khen thưởng không có hình thức này"
        ),
        RuleDescription(
            "award.code_format", .invalidArgument,
            en: "A code is 2 to 60 characters of a-z, 0-9 and _",
            vi: "Mã phải gồm từ 2 đến 60 ký tự a-z, 0-9 và _"
        ),
        RuleDescription(
            "award.revoked", .failedPrecondition,
            en: "The award was revoked",
            vi: "Khen thưởng này đã bị thu hồi"
        ),
        RuleDescription(
            "award.issuing_level", .failedPrecondition,
            en: "A unit of this level does not issue this form of award",
            vi: "Đơn vị ở cấp này không có thẩm quyền tặng hình thức khen thưởng này",
            citation: "Luật Thi đua, khen thưởng 2022, Điều 80"
        ),
        RuleDescription(
            "award.recipient_kind", .failedPrecondition,
            en: "This form of award goes to collectives only, or to people only",
            vi: "Hình thức khen thưởng này chỉ dành cho tập thể, hoặc chỉ dành cho cá nhân"
        ),
        RuleDescription(
            "award.member_of_unit", .failedPrecondition,
            en: "The person is not a current member of the recipient unit",
            vi: "Người được khen thưởng không phải là đoàn viên hiện tại của đơn vị"
        ),
        RuleDescription(
            "award.issuer_above_recipient", .failedPrecondition,
            en: "A unit awards only the units below it and the people of its own subtree",
            vi: "Đơn vị chỉ được khen thưởng các đơn vị cấp dưới và cá nhân thuộc phạm vi của mình"
        ),
        RuleDescription(
            "award.one_per_achievement", .failedPrecondition,
            en: "One achievement earns one award, and this one is already rewarded",
            vi: "Một thành tích chỉ được khen thưởng một lần; thành tích này đã được khen thưởng",
            citation: "Luật Thi đua, khen thưởng 2022 (article not verified)"
        ),
        RuleDescription(
            "award.cap", .failedPrecondition,
            en: "The cap on {form} in {year} under {regulation} is {limit}; this award would be number {count}",
            vi: "Vượt mức trần khen thưởng {form} năm {year} theo {regulation}: tối đa {limit}, đây sẽ là suất thứ {count}",
            citation: "Nghị định 98/2023/NĐ-CP for the default cap (article not verified); caps are data, keyed to their regulation"
        ),
        RuleDescription(
            "award.cap_percent", .invalidArgument,
            en: "max_percent_of_basis is a percentage, at most 100",
            vi: "Tỷ lệ tối đa (max_percent_of_basis) là số phần trăm, không quá 100"
        ),
        RuleDescription(
            "award.cap_basis", .invalidArgument,
            en: "basis_form_code and max_percent_of_basis go together: both set or both empty",
            vi: "basis_form_code và max_percent_of_basis phải cùng được đặt hoặc cùng để trống"
        ),
        RuleDescription(
            "award.cap_limit", .invalidArgument,
            en: "A cap needs max_count or max_percent_of_basis",
            vi: "Mức trần phải có max_count hoặc max_percent_of_basis"
        ),
        RuleDescription(
            "award.title_conditions", .failedPrecondition,
            en: "The person does not meet every condition of the title {title} under {regulation}",
            vi: "Chưa đủ điều kiện để được tặng danh hiệu {title} theo {regulation}",
            citation: "Luật Thi đua, khen thưởng 2022, Điều 23 for the default conditions of Chiến sĩ thi đua cơ sở (as the core's seeded data cites it; not verified); conditions are data, keyed to their regulation"
        ),
        RuleDescription(
            "award.title_conditions_empty", .invalidArgument,
            en: "A version of a title's conditions names at least one required title or kind of evidence",
            vi: "Mỗi phiên bản điều kiện của danh hiệu phải nêu ít nhất một danh hiệu hoặc loại minh chứng bắt buộc"
        ),
        RuleDescription(
            "award.title_conditions_form", .failedPrecondition,
            en: "Conditions are set for titles given to people, and name other titles of the catalogue",
            vi: "Điều kiện chỉ được đặt cho danh hiệu cá nhân và chỉ nêu các danh hiệu khác trong danh mục"
        ),
    ]
}
