import ThiduaModuleKit

extension CoreRuleCatalogue {
    /// Members and workers.
    static let members: [RuleDescription] = [
        RuleDescription(
            "member.exists", .notFound,
            en: "The member does not exist",
            vi: "Không tìm thấy đoàn viên, người lao động này"
        ),
        RuleDescription(
            "member.current", .failedPrecondition,
            en: "The member has left; the record is closed",
            vi: "Người này đã rời đơn vị; hồ sơ đã đóng"
        ),
        RuleDescription(
            "member.joined_on", .invalidArgument,
            en: "A joining date belongs to a union member; a worker who is not a member has none",
            vi: "Chỉ đoàn viên công đoàn mới có ngày vào công đoàn; người lao động chưa là đoàn viên thì không có"
        ),
        RuleDescription(
            "member.transfer_target", .failedPrecondition,
            en: "A member moves to another live unit",
            vi: "Đoàn viên chỉ được chuyển sang một đơn vị khác đang hoạt động"
        ),
    ]
}
