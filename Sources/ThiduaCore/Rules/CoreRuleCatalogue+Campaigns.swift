import ThiduaModuleKit

extension CoreRuleCatalogue {
    /// Campaigns, registrations, targets and progress.
    static let campaigns: [RuleDescription] = [
        RuleDescription(
            "campaign.exists", .notFound,
            en: "The campaign does not exist",
            vi: "Phong trào thi đua không tồn tại"
        ),
        RuleDescription(
            "campaign.module_known", .invalidArgument,
            en: "No campaign module {module} is served here",
            vi: "Máy chủ không có mô-đun phong trào {module}"
        ),
        RuleDescription(
            "campaign.year", .invalidArgument,
            en: "The year of a campaign is between 2000 and 2100",
            vi: "Năm của phong trào thi đua phải từ 2000 đến 2100"
        ),
        RuleDescription(
            "campaign.scope_under_launcher", .failedPrecondition,
            en: "A campaign's scope is its launching unit or a unit below it",
            vi: "Phạm vi phong trào phải là đơn vị phát động hoặc một đơn vị cấp dưới của đơn vị đó"
        ),
        RuleDescription(
            "campaign.scope", .failedPrecondition,
            en: "The unit is outside the campaign's scope",
            vi: "Đơn vị nằm ngoài phạm vi của phong trào thi đua"
        ),
        RuleDescription(
            "campaign.transition", .failedPrecondition,
            en: "The campaign cannot move to that state from the one it is in",
            vi: "Phong trào thi đua không thể chuyển sang trạng thái đó từ trạng thái hiện tại"
        ),
        RuleDescription(
            "campaign.launch_with_decision", .invalidArgument,
            en: "A campaign is launched with LaunchCampaign, which records the decision",
            vi: "Phong trào được phát động bằng LaunchCampaign, kèm số và ngày của quyết định phát động"
        ),
        RuleDescription(
            "campaign.closed", .failedPrecondition,
            en: "The campaign is closed",
            vi: "Phong trào thi đua đã kết thúc"
        ),
        RuleDescription(
            "campaign.registration_open", .failedPrecondition,
            en: "Registration opens when the campaign is launched and closes when it is no longer in progress",
            vi: "Chỉ được đăng ký thi đua sau khi phong trào được phát động và trong thời gian phong trào đang diễn ra"
        ),
        RuleDescription(
            "registration.exists", .notFound,
            en: "The registration does not exist",
            vi: "Bản đăng ký thi đua không tồn tại"
        ),
        RuleDescription(
            "registration.titles", .invalidArgument,
            en: "A registration names at most 20 distinct titles and forms of award",
            vi: "Bản đăng ký thi đua nêu tối đa 20 danh hiệu, hình thức khen thưởng khác nhau"
        ),
        RuleDescription(
            "registration.member_of_unit", .failedPrecondition,
            en: "The person is not a current member of the unit",
            vi: "Người đăng ký không phải là đoàn viên hiện tại của đơn vị"
        ),
        RuleDescription(
            "registration.once", .alreadyExists,
            en: "The unit or person has already registered for the campaign",
            vi: "Đơn vị hoặc cá nhân này đã đăng ký thi đua trong phong trào"
        ),
        RuleDescription(
            "target.set_by_parent", .permissionDenied,
            en: "A unit's target is set from above, with a key of a higher unit",
            vi: "Chỉ tiêu của đơn vị do cấp trên giao, bằng khóa API của đơn vị cấp trên"
        ),
        RuleDescription(
            "progress.achieved", .invalidArgument,
            en: "The count achieved is between 1 and 1,000,000,000",
            vi: "Số lượng đạt được phải từ 1 đến 1.000.000.000"
        ),
        RuleDescription(
            "progress.non_negative", .failedPrecondition,
            en: "A unit's count achieved cannot fall below zero",
            vi: "Kết quả đạt được của đơn vị không thể nhỏ hơn 0"
        ),
        RuleDescription(
            "progress.counted_by_module", .failedPrecondition,
            en: "The campaign's module counts its progress from its own records",
            vi: "Tiến độ của phong trào này do mô-đun phong trào tự tính từ dữ liệu của mình"
        ),
        RuleDescription(
            "report.year", .invalidArgument,
            en: "The year of a report is between 2000 and 2100",
            vi: "Năm báo cáo phải từ 2000 đến 2100"
        ),
    ]
}
