import ThiduaModuleKit

/// The rules the module's refusals name, besides the kit's and the core's.
enum TwoGoodsRuleCatalogue {
    static let all: [RuleDescription] = participation + reviews + teachers + commendations + ruleSets

    static let participation: [RuleDescription] = [
        RuleDescription(
            "two_goods.participation_exists", .notFound,
            en: "The school's participation does not exist",
            vi: "Lượt tham gia phong trào của trường không tồn tại"
        ),
        RuleDescription(
            "two_goods.school_sector", .failedPrecondition,
            en: "Two-goods teaching is for the grassroots unions of the school sector",
            vi: "Phong trào “Hai tốt” dành cho công đoàn cơ sở khối trường học"
        ),
        RuleDescription(
            "two_goods.school_has_union", .failedPrecondition,
            en: "Only schools that still have a union take part; since July 2025 a fully state-funded school has none",
            vi: "Chỉ các trường còn tổ chức công đoàn mới tham gia; từ tháng 7/2025, trường do ngân sách nhà nước bảo đảm toàn bộ không còn công đoàn",
            citation: "the reorganisation of the trade unions from 1 July 2025, as the module's rule set names it (instrument and article not verified)"
        ),
        RuleDescription(
            "two_goods.enrolment_date", .invalidArgument,
            en: "A school enrols by today and before its school year ends",
            vi: "Trường phải đăng ký tham gia không muộn hơn hôm nay và trước khi năm học kết thúc"
        ),
        RuleDescription(
            "two_goods.one_campaign_per_year", .alreadyExists,
            en: "A school takes part in one two-goods campaign a school year",
            vi: "Mỗi trường chỉ tham gia một phong trào “Hai tốt” trong một năm học"
        ),
        RuleDescription(
            "two_goods.school_year", .invalidArgument,
            en: "school_year is the year the school year starts, such as 2021 for 2021-2022",
            vi: "school_year là năm bắt đầu năm học, ví dụ 2021 cho năm học 2021-2022"
        ),
    ]

    static let reviews: [RuleDescription] = [
        RuleDescription(
            "two_goods.reviewer_above_school", .permissionDenied,
            en: "A school's reviews are held by a level above it",
            vi: "Việc sơ kết, tổng kết của trường do cấp trên thực hiện"
        ),
        RuleDescription(
            "two_goods.round", .invalidArgument,
            en: "The round is one of the rounds of the school year",
            vi: "Đợt thi đua phải là một trong các đợt của năm học"
        ),
        RuleDescription(
            "two_goods.round_closed", .failedPrecondition,
            en: "The round had its final review; its result no longer changes",
            vi: "Đợt thi đua đã tổng kết; kết quả không còn thay đổi"
        ),
        RuleDescription(
            "two_goods.review_order", .failedPrecondition,
            en: "A round has one interim review, then one final review",
            vi: "Mỗi đợt có một lần sơ kết, sau đó một lần tổng kết"
        ),
        RuleDescription(
            "two_goods.review_date", .failedPrecondition,
            en: "A review is held within its round, after the reviews before it, and not after today",
            vi: "Sơ kết, tổng kết phải diễn ra trong thời gian của đợt, sau các lần trước đó và không sau ngày hôm nay"
        ),
        RuleDescription(
            "two_goods.round_order", .failedPrecondition,
            en: "A round closes only after the round before it had its final review",
            vi: "Một đợt chỉ được tổng kết sau khi đợt trước đã tổng kết"
        ),
        RuleDescription(
            "two_goods.result_required", .failedPrecondition,
            en: "A round's final review needs the school's collective result",
            vi: "Tổng kết đợt cần có kết quả tập thể của trường"
        ),
        RuleDescription(
            "two_goods.result_counts", .invalidArgument,
            en: "Pupils who passed are no more than the pupils, and excellent pupils no more than those who passed",
            vi: "Số học sinh đạt không vượt quá tổng số học sinh, và số học sinh giỏi không vượt quá số học sinh đạt"
        ),
        RuleDescription(
            "two_goods.year_reviewed", .failedPrecondition,
            en: "The school year had its final review; its records no longer change",
            vi: "Năm học đã tổng kết; hồ sơ không còn thay đổi"
        ),
    ]

    static let teachers: [RuleDescription] = [
        RuleDescription(
            "two_goods.teacher_record_exists", .notFound,
            en: "The teacher record does not exist",
            vi: "Hồ sơ giáo viên không tồn tại"
        ),
        RuleDescription(
            "two_goods.one_record_per_teacher", .alreadyExists,
            en: "The teacher already has a record for the school year; change it instead",
            vi: "Giáo viên đã có hồ sơ cho năm học này; hãy cập nhật hồ sơ đó"
        ),
        RuleDescription(
            "two_goods.teacher_of_school", .failedPrecondition,
            en: "The teacher does not belong to the school",
            vi: "Giáo viên không thuộc trường này"
        ),
        RuleDescription(
            "two_goods.teacher_current", .failedPrecondition,
            en: "The teacher has left the school",
            vi: "Giáo viên đã rời trường"
        ),
        RuleDescription(
            "two_goods.result_date", .invalidArgument,
            en: "A result of the school year is decided within the school year, and not after today",
            vi: "Kết quả của năm học phải được quyết định trong năm học đó và không sau ngày hôm nay"
        ),
        RuleDescription(
            "two_goods.level_unique", .invalidArgument,
            en: "A teacher has one result per level and school year",
            vi: "Mỗi giáo viên chỉ có một kết quả cho mỗi cấp trong một năm học"
        ),
        RuleDescription(
            "two_goods.hours_range", .invalidArgument,
            en: "The hours of a school year are between 0 and {max}",
            vi: "Số giờ trong một năm học phải từ 0 đến {max}"
        ),
    ]

    static let commendations: [RuleDescription] = [
        RuleDescription(
            "two_goods.year_not_reviewed", .failedPrecondition,
            en: "Yearly commendations follow the final review of the school's year, which has not been held",
            vi: "Khen thưởng cuối năm học chỉ được xét sau khi trường đã tổng kết năm học"
        ),
        RuleDescription(
            "two_goods.decision_date", .failedPrecondition,
            en: "A commendation is decided between the final review and today",
            vi: "Ngày quyết định khen thưởng phải từ ngày tổng kết năm học đến ngày hôm nay"
        ),
        RuleDescription(
            "two_goods.classification_below_minimum", .failedPrecondition,
            en: "The school's classification in its last round is below the one the collective commendation needs",
            vi: "Xếp loại của trường ở đợt cuối thấp hơn mức yêu cầu để được khen thưởng tập thể"
        ),
        RuleDescription(
            "two_goods.teacher_record_required", .failedPrecondition,
            en: "The teacher has no two-goods record at this school for the school year",
            vi: "Giáo viên chưa có hồ sơ thi đua “Hai tốt” tại trường trong năm học này"
        ),
        RuleDescription(
            "two_goods.no_individual_achievement", .failedPrecondition,
            en: "The teacher's record holds no excellent-teacher result and no recognised teaching initiative",
            vi: "Hồ sơ của giáo viên chưa có kết quả giáo viên dạy giỏi và chưa có sáng kiến giảng dạy được công nhận"
        ),
        RuleDescription(
            "two_goods.one_commendation_per_year", .alreadyExists,
            en: "A school or a teacher has one commendation a school year: one achievement earns one award",
            vi: "Mỗi trường hoặc giáo viên chỉ được khen thưởng một lần trong năm học: một thành tích chỉ được khen thưởng một lần",
            citation: "Luật Thi đua, khen thưởng 2022 (article not verified)"
        ),
    ]

    static let ruleSets: [RuleDescription] = [
        RuleDescription(
            "two_goods.rule_set_hours", .invalidArgument,
            en: "max_hours_per_year is above 0 and at most the hours of a year; required_training_hours is from 0 to it",
            vi: "max_hours_per_year phải lớn hơn 0 và không quá số giờ của một năm; required_training_hours từ 0 đến giá trị đó"
        ),
        RuleDescription(
            "two_goods.rule_set_missing", .internal,
            en: "No two-goods rule set is stored",
            vi: "Chưa có bộ quy định nào cho phong trào “Hai tốt”"
        ),
    ]
}
