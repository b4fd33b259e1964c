import Innovation
import ThiduaCoreAPI
import ThiduaTesting
import ThiduaWire

/// The organisation the tests work in, on a server with the module whose clock is on 15 June
/// 2022: LĐLĐ huyện Triệu Sơn (the level that decides) with two schools' grassroots unions and a
/// team inside the first, their members, and the district's campaign "01 triệu sáng kiến" over
/// the school year 2021-2022.
struct InnovationFixture: Sendable {
    static let today = "2022-06-15"

    let districtID, schoolID, otherSchoolID, teamID: String
    /// Two teachers of the first school, a member of its team, a teacher of the other school.
    let teacherID, secondTeacherID, teamMemberID, otherTeacherID: String
    let campaignID: String

    static func with(_ body: (ModuleFixture, InnovationFixture) async throws -> Void) async throws {
        try await ModuleFixture.with(modules: [InnovationModule()], today: Self.today) { f in
            let district = try await f.unit("LĐLĐ huyện Triệu Sơn", under: f.rootUnitID, .districtFederation)
            let school = try await f.unit("Công đoàn Trường THCS Dân Lực", under: district, .grassrootsUnion, .school)
            let other = try await f.unit("Công đoàn Trường Tiểu học Kim Đồng", under: district, .grassrootsUnion, .school)
            let team = try await f.unit("Tổ công đoàn Toán", under: school, .grassrootsUnion, .school)
            // Over a school year, which the kit's calendar-year campaigns are not.
            let draft = try await f.call(Methods.Core.Campaigns.createCampaign, .with {
                $0.module = "innovation"
                $0.title = "01 triệu sáng kiến"
                $0.launchingUnitID = district
                $0.periodKind = .schoolYear
                $0.year = 2021
                $0.metric = "initiatives"
            })
            let campaign = try await f.call(Methods.Core.Campaigns.launchCampaign, .with {
                $0.id = draft.id
                $0.decisionNumber = "12/QĐ-LĐLĐ"
                $0.decisionDate = "2021-09-05"
            })
            try await body(f, InnovationFixture(
                districtID: district, schoolID: school, otherSchoolID: other, teamID: team,
                teacherID: try await f.member("Hoàng Thị Minh", of: school, .female),
                secondTeacherID: try await f.member("Lê Văn Hùng", of: school, .female),
                teamMemberID: try await f.member("Trần Thị Lan", of: team, .female),
                otherTeacherID: try await f.member("Phạm Thu Hằng", of: other, .female),
                campaignID: campaign.id
            ))
        }
    }
}
