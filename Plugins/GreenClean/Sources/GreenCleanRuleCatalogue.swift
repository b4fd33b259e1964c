import ThiduaModuleKit

/// The rules the module's refusals name, besides the kit's and the core's. The disqualifying
/// facts are union guidance [practice], not law; the passing score and the criteria are those of
/// the sheet in force.
enum GreenCleanRuleCatalogue {
    static let all: [RuleDescription] = registrations + sheets + scoring + safety + recognition

    static let registrations: [RuleDescription] = [
        RuleDescription(
            "green_clean.registration_exists", .notFound,
            en: "The registration does not exist",
            vi: "Bản đăng ký không tồn tại"
        ),
        RuleDescription(
            "green_clean.unit_live", .failedPrecondition,
            en: "The unit was dissolved",
            vi: "Đơn vị đã giải thể"
        ),
        RuleDescription(
            "green_clean.launcher_appraises", .failedPrecondition,
            en: "The launching unit appraises the registrations; it does not register itself",
            vi: "Đơn vị phát động là đơn vị thẩm định các bản đăng ký, không tự đăng ký"
        ),
        RuleDescription(
            "green_clean.registration_unique", .alreadyExists,
            en: "The unit is already registered for the year",
            vi: "Đơn vị đã đăng ký cho năm này"
        ),
        RuleDescription(
            "green_clean.state", .failedPrecondition,
            en: "The registration is in a state that does not allow this step",
            vi: "Bản đăng ký đang ở trạng thái không cho phép bước này"
        ),
        RuleDescription(
            "green_clean.reason_required", .invalidArgument,
            en: "A reason is required",
            vi: "Phải nêu lý do"
        ),
        RuleDescription(
            "green_clean.year_range", .invalidArgument,
            en: "from_year and to_year are years, from_year not after to_year, at most {max} years apart",
            vi: "from_year và to_year phải là các năm, from_year không sau to_year và cách nhau tối đa {max} năm"
        ),
    ]

    static let sheets: [RuleDescription] = [
        RuleDescription(
            "green_clean.sheet_exists", .notFound,
            en: "The version of the criteria sheet does not exist",
            vi: "Phiên bản bảng tiêu chí không tồn tại"
        ),
        RuleDescription(
            "green_clean.sheet_order", .failedPrecondition,
            en: "A new version of the sheet cannot take effect before the one in force",
            vi: "Phiên bản mới của bảng tiêu chí không được có hiệu lực trước phiên bản đang áp dụng"
        ),
        RuleDescription(
            "green_clean.sheet_in_force", .failedPrecondition,
            en: "No criteria sheet is in force on the campaign's first day",
            vi: "Không có bảng tiêu chí nào có hiệu lực vào ngày bắt đầu phong trào"
        ),
        RuleDescription(
            "green_clean.criteria_count", .invalidArgument,
            en: "A sheet has from 1 to {max} criteria",
            vi: "Bảng tiêu chí có từ 1 đến {max} tiêu chí"
        ),
        RuleDescription(
            "green_clean.criterion_code", .invalidArgument,
            en: "A criterion code is 1 to 32 letters, digits, _, - or .",
            vi: "Mã tiêu chí gồm 1 đến 32 chữ cái, chữ số, _, - hoặc ."
        ),
        RuleDescription(
            "green_clean.criterion_max_points", .invalidArgument,
            en: "A criterion is worth from 1 to {max} points",
            vi: "Mỗi tiêu chí có điểm tối đa từ 1 đến {max} điểm"
        ),
        RuleDescription(
            "green_clean.passing_score", .invalidArgument,
            en: "The passing score is from 1 to the sheet's maximum of {max}",
            vi: "Điểm đạt phải từ 1 đến tổng điểm tối đa {max} của bảng tiêu chí"
        ),
    ]

    static let scoring: [RuleDescription] = [
        RuleDescription(
            "green_clean.score_range", .invalidArgument,
            en: "Criterion {criterion} earns at most {max} points; {points} were given",
            vi: "Tiêu chí {criterion} tối đa {max} điểm; số điểm đã chấm là {points}"
        ),
        RuleDescription(
            "green_clean.adjustment_unchanged", .invalidArgument,
            en: "An adjustment of criterion {criterion} changes its score",
            vi: "Điều chỉnh điểm tiêu chí {criterion} phải làm thay đổi số điểm"
        ),
        RuleDescription(
            "green_clean.adjustment_reason", .invalidArgument,
            en: "The adjustment of criterion {criterion} needs a reason",
            vi: "Điều chỉnh điểm tiêu chí {criterion} phải nêu lý do"
        ),
    ]

    static let safety: [RuleDescription] = [
        RuleDescription(
            "green_clean.fact_exists", .notFound,
            en: "The safety fact does not exist",
            vi: "Sự việc về an toàn, vệ sinh lao động này không tồn tại"
        ),
        RuleDescription(
            "green_clean.fact_fields", .invalidArgument,
            en: "An accident, fire or explosion is recorded with its day; occupational-disease cases are counted over a year",
            vi: "Tai nạn, cháy, nổ được ghi theo ngày xảy ra; số ca bệnh nghề nghiệp được ghi theo năm"
        ),
        RuleDescription(
            "green_clean.fact_year", .invalidArgument,
            en: "The year is from 1900 to this year",
            vi: "Năm phải từ 1900 đến năm hiện tại"
        ),
        RuleDescription(
            "green_clean.fact_unique", .alreadyExists,
            en: "The unit's occupational-disease cases of the year are recorded; retract that fact to correct it",
            vi: "Số ca bệnh nghề nghiệp trong năm của đơn vị đã được ghi nhận; hãy rút lại bản ghi đó để sửa"
        ),
        RuleDescription(
            "green_clean.fact_retracted", .failedPrecondition,
            en: "The fact was retracted",
            vi: "Sự việc này đã được rút lại"
        ),
    ]

    static let recognition: [RuleDescription] = [
        RuleDescription(
            "green_clean.disqualified", .failedPrecondition,
            en: "The unit cannot be recognised for {year}, whatever its score: fact {fact} disqualifies it (a fatal or serious work accident, a serious fire or explosion, or more occupational-disease cases than the year before)",
            vi: "Đơn vị không được công nhận năm {year} dù đạt bao nhiêu điểm: sự việc {fact} thuộc trường hợp loại trừ (tai nạn lao động chết người hoặc nghiêm trọng, cháy nổ nghiêm trọng, hoặc số ca bệnh nghề nghiệp tăng so với năm trước)"
        ),
        RuleDescription(
            "green_clean.below_passing_score", .failedPrecondition,
            en: "The appraised total of {score} is below the passing score of {passing}",
            vi: "Tổng điểm thẩm định {score} chưa đạt mức điểm tối thiểu {passing} để được công nhận"
        ),
        RuleDescription(
            "green_clean.upward_once", .failedPrecondition,
            en: "The unit was already proposed to the level above for this registration",
            vi: "Đơn vị đã được đề nghị lên cấp trên cho bản đăng ký này"
        ),
        RuleDescription(
            "green_clean.no_upper_level", .failedPrecondition,
            en: "The appraising unit is the root: there is no level above it",
            vi: "Đơn vị thẩm định là đơn vị cấp cao nhất: không có cấp trên để đề nghị"
        ),
        RuleDescription(
            "green_clean.decision_date", .invalidArgument,
            en: "The decision on a year's registration is made in that year or later",
            vi: "Quyết định công nhận cho năm đăng ký phải được ban hành trong năm đó hoặc sau đó"
        ),
        RuleDescription(
            "green_clean.form_code", .invalidArgument,
            en: "A form code is 1 to 64 lower-case letters, digits or _, such as bang_khen_tinh",
            vi: "Mã hình thức khen thưởng gồm 1 đến 64 chữ thường, chữ số hoặc _, ví dụ bang_khen_tinh"
        ),
    ]
}
