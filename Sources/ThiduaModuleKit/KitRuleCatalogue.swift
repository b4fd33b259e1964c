/// The rules of the module kit: the checks of the common machinery (fields, dates, periods, ids,
/// pages, update masks), whoever applies them, the core or a module, and the campaign checks the
/// kit makes for modules. A module declares only its own `<id>.*` rules.
public enum KitRuleCatalogue {
    public static let all: [RuleDescription] = fields + identifiers + campaigns + criteria

    static let fields: [RuleDescription] = [
        RuleDescription(
            "field.required", .invalidArgument,
            en: "The field must not be empty",
            vi: "Trường này không được để trống"
        ),
        RuleDescription(
            "field.max_length", .invalidArgument,
            en: "The text has {length} characters; the most allowed is {limit}",
            vi: "Văn bản có {length} ký tự, vượt mức tối đa {limit} ký tự"
        ),
        RuleDescription(
            "field.enum", .invalidArgument,
            en: "The field must be set to one of its known values",
            vi: "Trường này phải được chọn một giá trị có trong danh mục"
        ),
        RuleDescription(
            "field.duplicate", .invalidArgument,
            en: "A value is listed twice; name each one once",
            vi: "Một giá trị bị nêu lặp lại; mỗi giá trị chỉ được nêu một lần"
        ),
        RuleDescription(
            "field.flag", .invalidArgument,
            en: "The value must be true or false",
            vi: "Giá trị phải là true (có) hoặc false (không)"
        ),
        RuleDescription(
            "update_mask.field", .invalidArgument,
            en: "The update mask names {name}, which this request cannot change",
            vi: "update_mask nêu trường {name}, là trường mà yêu cầu này không được thay đổi"
        ),
        RuleDescription(
            "date.format", .invalidArgument,
            en: "A date is written YYYY-MM-DD",
            vi: "Ngày phải được viết theo dạng YYYY-MM-DD (năm-tháng-ngày)"
        ),
        RuleDescription(
            "date.future", .invalidArgument,
            en: "The date {date} is after today ({today}); only what has happened can be recorded",
            vi: "Ngày {date} ở sau hôm nay ({today}); chỉ được ghi nhận những việc đã diễn ra"
        ),
        RuleDescription(
            "period.order", .invalidArgument,
            en: "A period from {start} to {end} starts after it ends",
            vi: "Khoảng thời gian từ {start} đến {end} không hợp lệ: ngày bắt đầu ở sau ngày kết thúc"
        ),
    ]

    static let identifiers: [RuleDescription] = [
        RuleDescription(
            "id.format", .invalidArgument,
            en: "The id is malformed: an id is a letter for its kind and a number, such as u17",
            vi: "Mã định danh không đúng dạng: mã gồm chữ cái chỉ loại đối tượng và một số, ví dụ u17"
        ),
        RuleDescription(
            "page.size.max", .invalidArgument,
            en: "A page holds at most {limit} items",
            vi: "Mỗi trang có tối đa {limit} mục"
        ),
        RuleDescription(
            "page.token", .invalidArgument,
            en: "The page token was not issued by this server",
            vi: "Mã trang (page token) không do máy chủ này cấp"
        ),
    ]

    static let campaigns: [RuleDescription] = [
        RuleDescription(
            "campaign.module", .failedPrecondition,
            en: "The campaign is run by another campaign module",
            vi: "Phong trào thi đua này do một mô-đun phong trào khác quản lý"
        ),
        RuleDescription(
            "campaign.ended", .failedPrecondition,
            en: "The campaign ended on {ends_on}: it is too late to register",
            vi: "Phong trào thi đua đã kết thúc ngày {ends_on}: đã quá hạn đăng ký"
        ),
        RuleDescription(
            "campaign.period", .failedPrecondition,
            en: "The campaign runs over another kind of period (calendar year or school year) than its module counts in",
            vi: "Phong trào thi đua này có kỳ thi đua (năm dương lịch hay năm học) khác với kỳ mà mô-đun phong trào tính"
        ),
        RuleDescription(
            "campaign.running", .failedPrecondition,
            en: "A campaign takes work from its launch until it closes",
            vi: "Phong trào thi đua chỉ nhận dữ liệu từ khi phát động đến khi kết thúc"
        ),
    ]

    static let criteria: [RuleDescription] = [
        RuleDescription(
            "criteria.unknown", .invalidArgument,
            en: "There is no criterion {code} among the criteria in force",
            vi: "Không có tiêu chí {code} trong bộ tiêu chí đang áp dụng"
        ),
        RuleDescription(
            "criteria.missing", .invalidArgument,
            en: "A self-assessment covers every criterion; missing: {criteria}",
            vi: "Bản tự đánh giá phải đủ mọi tiêu chí; còn thiếu: {criteria}"
        ),
        RuleDescription(
            "criteria.evidence_required", .invalidArgument,
            en: "Criterion {code} is claimed only with evidence: a decision, a certificate, minutes",
            vi: "Tiêu chí {code} chỉ được tự nhận khi có minh chứng: quyết định, giấy chứng nhận, biên bản"
        ),
        RuleDescription(
            "criteria.evidence_line", .invalidArgument,
            en: "An evidence reference is one line of text",
            vi: "Mỗi minh chứng được ghi trên một dòng"
        ),
    ]
}
