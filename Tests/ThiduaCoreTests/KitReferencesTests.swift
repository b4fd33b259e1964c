import Foundation
import Testing
import ThiduaCoreAPI
import ThiduaModuleKit
import ThiduaTesting

/// What a module sees of the core's units and members through the kit: typed kinds, sectors
/// and genders, and a member's union membership and role, so a campaign such as "Giỏi việc nước,
/// đảm việc nhà" can name women union members without the core's API types.
@Suite struct KitReferencesTests {
    @Test func unitsAndMembersReachModulesAsTypedValues() async throws {
        let probe = ContextProbe()
        let server = try await TestServer.start(modules: [probe])
        let admin = try await server.connectAsAdmin()
        let key = try await admin.unary(Methods.Core.Keys.whoAmI, WhoAmIRequest())
        let school = try await admin.unary(Methods.Core.Units.createUnit, CreateUnitRequest.with {
            $0.parentID = key.unitID
            $0.name = "Công đoàn Trường Mầm non Hoa Sen"
            $0.kind = .grassrootsUnion
            $0.sector = .school
            $0.validFrom = "2020-01-01"
        })
        let teacher = try await admin.unary(Methods.Core.Members.addMember, AddMemberRequest.with {
            $0.unitID = school.id
            $0.fullName = "Lê Thị Hoa"
            $0.gender = .female
            $0.role = "giáo viên"
            $0.unionMember = true
        })

        let principal = Principal(keyID: key.keyID, scopeUnitID: key.unitID, permissions: ["*"])
        let context = probe.context
        // A transaction of its own, as a module's call would have inside core.read.
        let storage = try server.openStorage()
        let (unit, member) = try await storage.read { db in
            (
                try context.core.unit(school.id, within: principal, field: "unit_id", in: db),
                try context.core.member(teacher.id, within: principal, field: "member_id", in: db)
            )
        }
        #expect(unit.kind == .grassrootsUnion)
        #expect(unit.sector == .school)
        #expect(member.gender == .female)
        #expect(member.isUnionMember)
        #expect(member.role == "giáo viên")
        #expect(member.isCurrent)
        await admin.close()
        try await server.stop()
    }
}
