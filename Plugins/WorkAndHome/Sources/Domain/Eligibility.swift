import ThiduaModuleKit

/// Who may register: the campaign is the women union members' own, run by their grassroots union.
enum Eligibility {
    /// Refuses `member` of `unit` unless she is a current woman union member of a grassroots union.
    static func check(_ member: MemberReference, of unit: UnitReference) throws(RPCError) {
        guard member.gender == .female else {
            throw RPCError(
                .failedPrecondition, "\(member.id) is not recorded as a woman; the campaign is for women members",
                field: "member_id", rule: "work_and_home.women_only", values: ["member": member.id]
            )
        }
        guard member.isUnionMember else {
            throw RPCError(
                .failedPrecondition, "\(member.id) is a worker who has not joined the union; the campaign is for union members",
                field: "member_id", rule: "work_and_home.union_member", values: ["member": member.id]
            )
        }
        guard member.isCurrent else {
            throw RPCError(
                .failedPrecondition, "\(member.id) has left the organisation",
                field: "member_id", rule: "work_and_home.member_current", values: ["member": member.id]
            )
        }
        guard unit.kind == .grassrootsUnion else {
            throw RPCError(
                .failedPrecondition,
                "\(member.id) belongs to \(unit.id), which is not a grassroots union; members register through their grassroots union",
                field: "member_id", rule: "work_and_home.grassroots_union", values: ["unit": unit.id]
            )
        }
    }
}
