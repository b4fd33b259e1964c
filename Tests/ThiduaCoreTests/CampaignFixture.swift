import Foundation
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire

/// A province, a district under it and three grassroots unions under the district, with a
/// member in each grassroots union: the tree the campaign tests work on.
struct CampaignTree {
    let province: Unit
    let district: Unit
    let grassroots: [Unit]
    let members: [Member]

    static func make(_ fixture: CoreFixture) async throws -> CampaignTree {
        let root = try await fixture.rootID
        let province = try await fixture.createUnit("LĐLĐ tỉnh Thanh Hóa", under: root, kind: .provincialFederation)
        let district = try await fixture.createUnit("LĐLĐ huyện Triệu Sơn", under: province.id, kind: .districtFederation)
        var grassroots: [Unit] = []
        var members: [Member] = []
        for (index, sector) in [Sector.communeTown, .school, .school].enumerated() {
            let unit = try await fixture.createUnit("CĐCS \(index + 1)", under: district.id, sector: sector)
            grassroots.append(unit)
            members.append(try await fixture.addMember("Lê Thị \(index + 1)", to: unit.id))
        }
        return CampaignTree(province: province, district: district, grassroots: grassroots, members: members)
    }
}

extension CoreFixture {
    @discardableResult
    func createCampaign(
        launchedBy unitID: String,
        module: String = "general",
        period: PeriodKind = .calendarYear,
        year: UInt32 = 2022,
        launch: Bool = true,
        using client: ThiduaClient? = nil
    ) async throws -> Campaign {
        let client = client ?? self.admin
        let draft = try await client.unary(Methods.Core.Campaigns.createCampaign, CreateCampaignRequest.with {
            $0.module = module
            $0.title = "Lao động giỏi, lao động sáng tạo \(year)"
            $0.launchingUnitID = unitID
            $0.periodKind = period
            $0.year = year
            $0.metric = "initiatives"
        })
        guard launch else { return draft }
        return try await client.unary(Methods.Core.Campaigns.launchCampaign, LaunchCampaignRequest.with {
            $0.id = draft.id
            $0.decisionNumber = "15/QĐ-LĐLĐ"
            $0.decisionDate = "\(year)-02-01"
        })
    }

    @discardableResult
    func register(_ unitID: String, member: String = "", titles: [String] = [], in campaignID: String, using client: ThiduaClient? = nil) async throws -> Registration {
        try await (client ?? self.admin).unary(Methods.Core.Campaigns.registerForCampaign, RegisterForCampaignRequest.with {
            $0.campaignID = campaignID
            $0.unitID = unitID
            $0.memberID = member
            $0.titles = titles
        })
    }

    /// The rows of the tables a refused call must leave alone, and of the audit trail and feed.
    func snapshot(_ tables: [String]) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in tables + ["core_audit", "core_change"] {
            counts[table] = try self.count(table)
        }
        return counts
    }

    /// Asserts that the call is refused as given and that nothing was stored.
    func expectRefusedUnchanged(
        _ code: StatusCode,
        rule: String,
        tables: [String],
        sourceLocation: SourceLocation = #_sourceLocation,
        _ call: () async throws -> Void
    ) async throws {
        let before = try self.snapshot(tables)
        await expectRefusal(code, rule: rule, sourceLocation: sourceLocation, call)
        #expect(try self.snapshot(tables) == before, "a refused call changed the database", sourceLocation: sourceLocation)
    }
}
