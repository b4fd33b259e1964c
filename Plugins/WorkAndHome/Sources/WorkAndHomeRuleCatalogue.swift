import ThiduaModuleKit

/// The rules the module's refusals name, besides the kit's and the core's. Who may take part and
/// the criteria follow the union's guidance for the campaign [practice], not law: no citation.
enum WorkAndHomeRuleCatalogue {
    static let all: [RuleDescription] = registration + assessment + recognition

    static let registration: [RuleDescription] = [
        RuleDescription(
            "work_and_home.women_only", .failedPrecondition,
            en: "The campaign is for women members; {member} is not recorded as a woman",
            vi: "Phong trào dành cho đoàn viên nữ; {member} không được ghi nhận là nữ"
        ),
        RuleDescription(
            "work_and_home.union_member", .failedPrecondition,
            en: "The campaign is for union members; {member} has not joined the union",
            vi: "Phong trào dành cho đoàn viên công đoàn; {member} chưa gia nhập Công đoàn"
        ),
        RuleDescription(
            "work_and_home.member_current", .failedPrecondition,
            en: "{member} has left the organisation",
            vi: "{member} không còn sinh hoạt trong tổ chức Công đoàn"
        ),
        RuleDescription(
            "work_and_home.grassroots_union", .failedPrecondition,
            en: "Members register through their grassroots union; {unit} is not one",
            vi: "Đoàn viên đăng ký thi đua qua công đoàn cơ sở của mình; {unit} không phải là công đoàn cơ sở"
        ),
        RuleDescription(
            "work_and_home.registration_unique", .alreadyExists,
            en: "The member is already registered for {year}",
            vi: "Đoàn viên đã đăng ký thi đua năm {year}"
        ),
        RuleDescription(
            "work_and_home.registration_exists", .notFound,
            en: "The registration does not exist",
            vi: "Bản đăng ký không tồn tại"
        ),
        RuleDescription(
            "work_and_home.criteria_in_force", .notFound,
            en: "No version of the criteria was in force on {day}",
            vi: "Không có bộ tiêu chí nào có hiệu lực vào ngày {day}"
        ),
    ]

    static let assessment: [RuleDescription] = [
    ]

    static let recognition: [RuleDescription] = [
        RuleDescription(
            "work_and_home.state", .failedPrecondition,
            en: "The registration is {state}, which does not allow this step",
            vi: "Bản đăng ký đang ở trạng thái {state}, không cho phép bước này"
        ),
        RuleDescription(
            "work_and_home.criteria_unmet", .failedPrecondition,
            en: "A member is proposed only when she meets every criterion; not met: {criteria}",
            vi: "Chỉ đề nghị công nhận khi đạt tất cả các tiêu chí; chưa đạt: {criteria}"
        ),
    ]
}
