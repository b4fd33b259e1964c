import ThiduaModuleKit

/// The rules the module's refusals name, besides the kit's and the core's. The numbers in them
/// (days, percentages, bands) come from the `DialogueRuleSet` in force, so the messages take them
/// as parameters; the citations are those of the built-in set, `DialogueRuleSet.labourCode2019`.
enum DialogueRuleCatalogue {
    static let all: [RuleDescription] = enterprises + dialogues + agreements + configuration

    /// Labour Code 2019 articles, as `DialogueRuleSet.labourCode2019` cites them.
    private static func labourCode(_ article: Int) -> String { "Bộ luật Lao động 2019, Điều \(article)" }
    /// Decree 145/2020 on periodic dialogue: the domain digest (shared/domain.md) gives its
    /// articles 38-39 for the delegation, the quorum and the minutes together.
    private static let decree145 = "Nghị định 145/2020/NĐ-CP, Điều 38–39 (which of the two holds this rule: not verified)"

    static let enterprises: [RuleDescription] = [
        RuleDescription(
            "dialogue.headcount_positive", .invalidArgument,
            en: "An enterprise has at least 1 employee",
            vi: "Doanh nghiệp phải có ít nhất 1 người lao động"
        ),
        RuleDescription(
            "dialogue.headcount_required", .failedPrecondition,
            en: "Record the enterprise's headcount on or before that day first: the rule counts all its employees",
            vi: "Cần ghi nhận số lao động của doanh nghiệp tại ngày đó trước: quy định tính trên tổng số người lao động"
        ),
        RuleDescription(
            "dialogue.enterprise_unit", .failedPrecondition,
            en: "The unit is not an enterprise: dialogue and bargaining concern the grassroots unions of enterprises",
            vi: "Đơn vị không phải là doanh nghiệp: đối thoại và thương lượng tập thể áp dụng cho công đoàn cơ sở trong doanh nghiệp"
        ),
        RuleDescription(
            "dialogue.unit_live", .failedPrecondition,
            en: "The enterprise's union was dissolved",
            vi: "Công đoàn cơ sở của doanh nghiệp đã giải thể"
        ),
    ]

    static let dialogues: [RuleDescription] = [
        RuleDescription(
            "dialogue.dialogue_exists", .notFound,
            en: "The dialogue does not exist",
            vi: "Cuộc đối thoại không tồn tại"
        ),
        RuleDescription(
            "dialogue.state", .failedPrecondition,
            en: "The dialogue is in a state that does not allow this step",
            vi: "Cuộc đối thoại đang ở trạng thái không cho phép bước này"
        ),
        RuleDescription(
            "dialogue.year", .invalidArgument,
            en: "The year is between 1900 and 2999",
            vi: "Năm phải từ 1900 đến 2999"
        ),
        RuleDescription(
            "dialogue.campaign_period", .failedPrecondition,
            en: "A dialogue counts toward a campaign only on a day within the campaign's period",
            vi: "Cuộc đối thoại chỉ được tính cho phong trào nếu diễn ra trong thời gian của phong trào"
        ),
        RuleDescription(
            "dialogue.event_required", .invalidArgument,
            en: "A dialogue on an event names the listed event that calls for it",
            vi: "Cuộc đối thoại khi có vụ việc phải nêu vụ việc thuộc danh mục làm phát sinh đối thoại",
            citation: labourCode(63)
        ),
        RuleDescription(
            "dialogue.event_only_on_event", .invalidArgument,
            en: "Only a dialogue on an event names an event",
            vi: "Chỉ cuộc đối thoại khi có vụ việc mới nêu vụ việc"
        ),
        RuleDescription(
            "dialogue.request_required", .invalidArgument,
            en: "A dialogue on request records the side that asked for it and the day",
            vi: "Cuộc đối thoại theo yêu cầu phải ghi bên đề nghị và ngày đề nghị",
            citation: labourCode(63)
        ),
        RuleDescription(
            "dialogue.request_only_on_request", .invalidArgument,
            en: "Only a dialogue on request records who asked for it",
            vi: "Chỉ cuộc đối thoại theo yêu cầu mới ghi bên đề nghị"
        ),
        RuleDescription(
            "dialogue.delegation_positive", .invalidArgument,
            en: "A delegation has at least 1 representative",
            vi: "Đoàn đại diện phải có ít nhất 1 người"
        ),
        RuleDescription(
            "dialogue.delegation_size", .failedPrecondition,
            en: "A delegation of {size} does not fit an enterprise of {employees} employees",
            vi: "Đoàn đại diện {size} người không phù hợp với doanh nghiệp có {employees} người lao động",
            citation: decree145
        ),
        RuleDescription(
            "dialogue.attendance", .invalidArgument,
            en: "{present} representatives cannot be present out of a delegation of {delegation}",
            vi: "Không thể có {present} người tham dự khi đoàn đại diện chỉ có {delegation} người"
        ),
        RuleDescription(
            "dialogue.periodic_quorum", .failedPrecondition,
            en: "A periodic dialogue is valid only with the employer's legal representative and more than {percent}% of the employee delegation present",
            vi: "Đối thoại định kỳ chỉ hợp lệ khi có người đại diện theo pháp luật của người sử dụng lao động và trên {percent}% thành viên đại diện bên người lao động tham dự",
            citation: decree145
        ),
        RuleDescription(
            "dialogue.minutes_signatures", .failedPrecondition,
            en: "The minutes of a dialogue are signed by both sides before they are published",
            vi: "Biên bản đối thoại phải có chữ ký của cả hai bên trước khi công bố",
            citation: decree145
        ),
        RuleDescription(
            "dialogue.minutes_publication_deadline", .failedPrecondition,
            en: "Minutes are published within {days} working days of the dialogue, by {deadline}",
            vi: "Biên bản đối thoại phải được công bố trong vòng {days} ngày làm việc kể từ ngày đối thoại, chậm nhất ngày {deadline}",
            citation: decree145
        ),
        RuleDescription(
            "dialogue.date_order", .failedPrecondition,
            en: "A step is not dated before the step it follows",
            vi: "Ngày của một bước không được trước ngày của bước liền trước"
        ),
    ]

    static let agreements: [RuleDescription] = [
        RuleDescription(
            "dialogue.agreement_exists", .notFound,
            en: "The collective agreement does not exist",
            vi: "Thỏa ước lao động tập thể không tồn tại"
        ),
        RuleDescription(
            "dialogue.agreement_state", .failedPrecondition,
            en: "The agreement is in a state that does not allow this step",
            vi: "Thỏa ước đang ở trạng thái không cho phép bước này"
        ),
        RuleDescription(
            "dialogue.bargaining_under_way", .failedPrecondition,
            en: "The enterprise is already bargaining an agreement: one bargaining at a time",
            vi: "Doanh nghiệp đang có một cuộc thương lượng tập thể chưa kết thúc; mỗi lúc chỉ tiến hành một cuộc"
        ),
        RuleDescription(
            "dialogue.first_session_deadline", .failedPrecondition,
            en: "The first bargaining session is held within {days} working days of the request, by {deadline}",
            vi: "Phiên họp thương lượng đầu tiên phải được tổ chức trong vòng {days} ngày làm việc kể từ ngày nhận yêu cầu, chậm nhất ngày {deadline}",
            citation: labourCode(70)
        ),
        RuleDescription(
            "dialogue.clauses_required", .invalidArgument,
            en: "A draft has at least one clause",
            vi: "Dự thảo thỏa ước phải có ít nhất một điều khoản"
        ),
        RuleDescription(
            "dialogue.clause_numbers", .invalidArgument,
            en: "Clauses are numbered from 1, each number once",
            vi: "Các điều khoản được đánh số từ 1, mỗi số chỉ dùng một lần"
        ),
        RuleDescription(
            "dialogue.clause_term_max", .invalidArgument,
            en: "No clause outlives the longest term of an agreement, {max} years",
            vi: "Thời hạn của điều khoản không được vượt thời hạn tối đa của thỏa ước là {max} năm",
            citation: labourCode(78)
        ),
        RuleDescription(
            "dialogue.vote_count", .invalidArgument,
            en: "{in_favour} in favour and {against} against is more votes than the {employees} employees of the enterprise",
            vi: "Tổng {in_favour} phiếu tán thành và {against} phiếu không tán thành vượt quá số {employees} người lao động của doanh nghiệp"
        ),
        RuleDescription(
            "dialogue.vote_majority", .failedPrecondition,
            en: "The vote did not pass: {approving} of all {total} employees in favour is not more than {percent}%",
            vi: "Biểu quyết không đạt: {approving} trên tổng số {total} người lao động tán thành, chưa quá {percent}%",
            citation: labourCode(76)
        ),
        RuleDescription(
            "dialogue.term_years", .invalidArgument,
            en: "An agreement runs {min} to {max} years; this one runs {months} months",
            vi: "Thỏa ước có thời hạn từ {min} đến {max} năm; thời hạn đã nhập là {months} tháng",
            citation: labourCode(78)
        ),
        RuleDescription(
            "dialogue.term_fields", .invalidArgument,
            en: "term_months and the deprecated term_years disagree: set term_months only",
            vi: "term_months và trường cũ term_years không khớp nhau: chỉ đặt term_months"
        ),
        RuleDescription(
            "dialogue.clause_term", .failedPrecondition,
            en: "Clause {clause} runs {clause_months} months, longer than the agreement's {months}",
            vi: "Điều khoản {clause} có thời hạn {clause_months} tháng, dài hơn thời hạn {months} tháng của thỏa ước",
            citation: labourCode(78)
        ),
        RuleDescription(
            "dialogue.effective_date", .invalidArgument,
            en: "An agreement takes effect on or after the day it is signed",
            vi: "Ngày có hiệu lực của thỏa ước không được trước ngày ký"
        ),
        RuleDescription(
            "dialogue.renewal_same_enterprise", .failedPrecondition,
            en: "An enterprise renews its own agreement",
            vi: "Doanh nghiệp chỉ được thương lượng để thay thế thỏa ước của chính mình"
        ),
        RuleDescription(
            "dialogue.renewal_window", .failedPrecondition,
            en: "A renewal is bargained in the {days} days before the agreement expires, or while it is continued",
            vi: "Chỉ được thương lượng thỏa ước mới trong {days} ngày trước khi thỏa ước hết hạn, hoặc trong thời gian thỏa ước được tiếp tục thực hiện",
            citation: labourCode(83)
        ),
        RuleDescription(
            "dialogue.agreement_in_force", .failedPrecondition,
            en: "The enterprise has an agreement in force; a new one renews it in the {days} days before it expires",
            vi: "Doanh nghiệp đang có thỏa ước còn hiệu lực; thỏa ước mới chỉ được thương lượng để thay thế trong {days} ngày trước khi thỏa ước đó hết hạn",
            citation: labourCode(83)
        ),
        RuleDescription(
            "dialogue.continuation_window", .failedPrecondition,
            en: "An agreement's continuation is decided in the {days} days before it expires",
            vi: "Việc tiếp tục thực hiện thỏa ước chỉ được quyết định trong {days} ngày trước khi thỏa ước hết hạn",
            citation: labourCode(83)
        ),
        RuleDescription(
            "dialogue.continuation_needs_renewal", .failedPrecondition,
            en: "An expired agreement is continued only while its renewal is bargained",
            vi: "Thỏa ước hết hạn chỉ được tiếp tục thực hiện khi các bên đang thương lượng thỏa ước mới",
            citation: labourCode(83)
        ),
        RuleDescription(
            "dialogue.continuation_limit", .failedPrecondition,
            en: "An expired agreement is continued at most {days} days, until {limit} at the latest",
            vi: "Thỏa ước hết hạn chỉ được tiếp tục thực hiện không quá {days} ngày, chậm nhất đến ngày {limit}",
            citation: labourCode(83)
        ),
    ]

    static let configuration: [RuleDescription] = [
        RuleDescription(
            "dialogue.rules_invalid", .invalidArgument,
            en: "The version of the rules is incomplete or inconsistent",
            vi: "Phiên bản quy định chưa đầy đủ hoặc không nhất quán"
        ),
        RuleDescription(
            "dialogue.rules_version_exists", .alreadyExists,
            en: "A version of the rules already takes effect on that day; versions never change, so add one from another day",
            vi: "Đã có một phiên bản quy định có hiệu lực từ ngày này; các phiên bản không được sửa, hãy thêm phiên bản có hiệu lực từ ngày khác"
        ),
    ]
}
