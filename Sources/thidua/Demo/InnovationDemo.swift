import Foundation
import InnovationAPI
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire

/// The innovation drive's part of `thidua demo`: the registers of the 174 grassroots unions of
/// Triệu Sơn, decided by the district's council and imported over the wire, then the report that
/// reproduces seed 000: 7,929 initiatives against a plan of 1,500, 528.6%.
enum InnovationDemo: ModuleDemo {
    static let module = "innovation"
    static let section = DemoReportSection.demoDistrict

    static func load(into world: DemoWorld) async throws {
        let campaign = try await self.campaign(of: world)
        let report = try await self.report(campaign.id, world)
        guard report.total.recognised == 0 else {
            standardError("the innovation registers are already loaded\n")
            return
        }
        let unions = try await self.unions(of: world)
        try await self.setTargets(unions, of: campaign.id, world)
        let started = ContinuousClock.now
        let counted = try await withThrowingTaskGroup(of: UInt32.self) { group in
            for (index, union) in unions.enumerated() where union.initiatives > 0 {
                group.addTask {
                    let response = try await world.client.unary(
                        Methods.Innovation.Initiatives.importDecidedRegister,
                        ImportDecidedRegisterRequest.with {
                            $0.campaignID = campaign.id
                            $0.unitID = union.unitID
                            $0.decisionNumber = InnovationDemoData.decisionNumber
                            $0.decisionDate = InnovationDemoData.decisionDate
                            $0.initiatives = InnovationDemoData.register(of: union, unionIndex: index)
                        }
                    )
                    return response.counted
                }
            }
            return try await group.reduce(0, +)
        }
        let seconds = (ContinuousClock.now - started).components.seconds
        standardError("imported \(counted) recognised initiatives of \(unions.count) grassroots unions in \(seconds) s\n")
    }

    static func printSummary(of world: DemoWorld) async throws {
        let campaign = try await self.campaign(of: world)
        let report = try await self.report(campaign.id, world)
        let progress = try await world.client.unary(
            Methods.Core.Campaigns.getProgress,
            GetProgressRequest.with { $0.campaignID = campaign.id; $0.unitID = world.districtID }
        )
        let kinds: [InitiativeKind: String] = [
            .technical: "technical", .managerial: "managerial", .operational: "operational", .appliedTechnology: "applied technology",
        ]
        let byKind = report.byKind.map { "\(kinds[$0.kind] ?? "other") \(self.grouped($0.recognised))" }.joined(separator: ", ")
        let total = progress.total
        var lines = [
            "  innovation drive \"\(campaign.title)\" (\(campaign.id)), \(report.startsOn) to \(report.endsOn):",
            "    initiatives recognised: \(self.grouped(report.total.recognised)) (\(byKind)), by \(self.grouped(report.total.recognisedAuthors)) authors",
            "    counted toward the plan: \(self.grouped(total.achieved)) of \(self.grouped(total.planned)) = \(String(format: "%.1f", total.percentOfPlan))% of plan",
            "    total benefit: \(self.grouped(report.total.recognisedBenefitVnd / 1_000_000)) million VND",
        ]
        for clusterID in world.clusterIDs {
            let ranking = try await world.client.unary(
                Methods.Core.Campaigns.rankCluster,
                RankClusterRequest.with { $0.campaignID = campaign.id; $0.clusterID = clusterID }
            )
            guard let leader = ranking.units.first else { continue }
            lines.append("    \(ranking.clusterName): first \(leader.unitName), \(leader.achieved) of \(leader.planned) (\(String(format: "%.1f", leader.percentOfPlan))%)")
        }
        let candidates = try await self.creativeLabourCandidates(world)
        lines.append("    authors reaching the benefit band of the Bằng Lao động sáng tạo: \(self.grouped(UInt64(candidates)))")
        standardOutput(lines.joined(separator: "\n") + "\n")
    }

    // MARK: Pieces

    /// The campaign of the module over the district for the school year 2021-2022, which the core
    /// part of the demo launched (CampaignDemo).
    private static func campaign(of world: DemoWorld) async throws -> Campaign {
        let page = try await world.client.unary(
            Methods.Core.Campaigns.listCampaigns,
            ListCampaignsRequest.with {
                $0.unitID = world.districtID
                $0.module = Self.module
                $0.year = 2021
                $0.page.pageSize = 100
            }
        )
        guard let campaign = page.campaigns.first(where: { $0.title == CampaignDemo.title }) ?? page.campaigns.first else {
            throw CLIFailure.usage("the demo has no campaign of module \"innovation\" over the district \(world.districtID) for 2021-2022")
        }
        return campaign
    }

    private static func report(_ campaignID: String, _ world: DemoWorld) async throws -> InnovationReport {
        try await world.client.unary(
            Methods.Innovation.InnovationReports.campaignReport,
            InnovationReportRequest.with { $0.campaignID = campaignID; $0.unitID = world.districtID }
        )
    }

    /// The grassroots unions in the order of DemoData, with their members and their share of the
    /// initiatives and of the plan.
    private static func unions(of world: DemoWorld) async throws -> [InnovationDemoData.UnionRegister] {
        var membersByUnit: [String: [String]] = [:]
        var token = ""
        repeat {
            let page = try await world.client.unary(Methods.Core.Members.listMembers, ListMembersRequest.with {
                $0.unitID = world.districtID
                $0.includeSubtree = true
                $0.page.pageSize = 1000
                $0.page.pageToken = token
            })
            for member in page.members { membersByUnit[member.unitID, default: []].append(member.id) }
            token = page.nextPageToken
        } while !token.isEmpty
        let codes = DemoData.grassrootsUnions().map(\.0).filter { world.unitIDsByCode[$0] != nil }
        let present = codes.filter { !(membersByUnit[world.unitIDsByCode[$0]!] ?? []).isEmpty }
        let initiatives = InnovationDemoData.apportion(
            InnovationDemoData.recognised, by: present.enumerated().map { InnovationDemoData.weight(code: $0.element, index: $0.offset) }
        )
        let targets = InnovationDemoData.apportion(
            InnovationDemoData.planned, by: present.map { membersByUnit[world.unitIDsByCode[$0]!]!.count }
        )
        return present.enumerated().map { index, code in
            let unitID = world.unitIDsByCode[code]!
            return .init(code: code, unitID: unitID, memberIDs: membersByUnit[unitID]!, initiatives: initiatives[index], target: targets[index])
        }
    }

    /// The district passes the province's plan down to its unions, by headcount, so each cluster
    /// ranks its units by percent of plan; a union that already has a target keeps it.
    private static func setTargets(_ unions: [InnovationDemoData.UnionRegister], of campaignID: String, _ world: DemoWorld) async throws {
        let progress = try await world.client.unary(
            Methods.Core.Campaigns.getProgress,
            GetProgressRequest.with { $0.campaignID = campaignID; $0.unitID = world.districtID }
        )
        let planned = Set(progress.children.filter { $0.planned > 0 }.map(\.unitID))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for union in unions where !planned.contains(union.unitID) {
                group.addTask {
                    _ = try await world.client.unary(Methods.Core.Campaigns.setTarget, SetTargetRequest.with {
                        $0.campaignID = campaignID
                        $0.unitID = union.unitID
                        $0.planned = UInt64(union.target)
                        $0.reason = "chỉ tiêu huyện giao theo số CNVCLĐ"
                    })
                }
            }
            try await group.waitForAll()
        }
    }

    private static func creativeLabourCandidates(_ world: DemoWorld) async throws -> Int {
        var count = 0
        var token = ""
        repeat {
            let page = try await world.client.unary(
                Methods.Innovation.InnovationTitles.listCreativeLabourCandidates,
                CreativeLabourCandidatesRequest.with {
                    $0.unitID = world.districtID
                    $0.from = InnovationDemoData.periodFrom
                    $0.to = InnovationDemoData.periodTo
                    $0.pageSize = 1000
                    $0.pageToken = token
                }
            )
            count += page.candidates.count
            token = page.nextPageToken
        } while !token.isEmpty
        return count
    }

    /// 7929 as "7,929".
    private static func grouped<Number: BinaryInteger>(_ value: Number) -> String {
        let digits = String(value)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return result
    }
}
