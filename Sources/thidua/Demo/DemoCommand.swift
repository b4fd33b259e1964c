import ArgumentParser
import Foundation
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire

/// `thidua demo`: loads the demo organisation over the protocol and prints its summary.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load the demo data built from the seed reports (LĐLĐ huyện Triệu Sơn) and print its summary.",
        discussion: """
            Needs a key with units.write, members.write and reports.read on the root, such as the \
            admin key the server wrote on its first start: thidua demo --api-key-file data/admin.key
            """
    )

    @ParentCommand var root: ThiduaCommand

    func run() async throws {
        let connection = self.root.connection
        try await self.reportingFailures(connection.errorFormat) {
            try await connection.withClient { client in
                let me = try await client.unary(Methods.Core.Keys.whoAmI, WhoAmIRequest())
                let fresh: Bool
                do {
                    _ = try await self.load(into: me.unitID, using: client)
                    fresh = true
                } catch let error as RPCError where error.code == .alreadyExists {
                    standardError("the demo data is already loaded\n")
                    fresh = false
                }
                let world = try await self.world(rootID: me.unitID, using: client)
                let demos = DemoWorld.moduleDemos.filter { world.modules.contains($0.module) }
                if fresh {
                    try await CampaignDemo.load(into: world)
                    for demo in demos {
                        try await demo.load(into: world)
                    }
                }
                // The demo district's heading, then everything about it, then the other districts
                // under their own headings.
                try await self.printSummary(of: world)
                try await CampaignDemo.printSummary(of: world)
                for demo in demos where demo.section == .demoDistrict {
                    try await demo.printSummary(of: world)
                }
                for demo in demos where demo.section == .ownHeading {
                    try await demo.printSummary(of: world)
                }
            }
        }
    }

    /// Finds what the core part loaded, and the modules the server has.
    private func world(rootID: String, using client: ThiduaClient) async throws -> DemoWorld {
        let district = try await self.findDistrict(under: rootID, using: client)
        var codes: [String: String] = [:]
        var token = ""
        repeat {
            let page = try await client.unary(Methods.Core.Units.listUnits, ListUnitsRequest.with {
                $0.rootID = district.id
                $0.page.pageSize = 1000
                $0.page.pageToken = token
            })
            for unit in page.units where unit.id != district.id { codes[unit.code] = unit.id }
            token = page.nextPageToken
        } while !token.isEmpty
        let clusters = try await client.unary(Methods.Core.Units.listClusters, ListClustersRequest.with { $0.year = 2022 })
        let services = try await client.unary(Methods.Host.Reflection.listServices, ListServicesRequest())
        return DemoWorld(
            client: client,
            rootID: rootID,
            provinceID: district.parentID,
            districtID: district.id,
            unitIDsByCode: codes,
            clusterIDs: clusters.clusters.filter { Set($0.unitIds).isSubset(of: Set(codes.values)) }.map(\.id),
            modules: Set(services.services.map(\.moduleID).filter { $0 != "core" && $0 != "host" })
        )
    }

    private func load(into rootID: String, using client: ThiduaClient) async throws -> Unit {
        let province = try await client.unary(Methods.Core.Units.createUnit, CreateUnitRequest.with {
            $0.parentID = rootID
            $0.name = "Liên đoàn Lao động tỉnh Thanh Hóa"
            $0.kind = .provincialFederation
            $0.code = DemoData.provinceCode
            $0.validFrom = "1990-01-01"
        })
        let district = try await client.unary(Methods.Core.Units.createUnit, CreateUnitRequest.with {
            $0.parentID = province.id
            $0.name = "Liên đoàn Lao động huyện Triệu Sơn"
            $0.kind = .districtFederation
            $0.code = DemoData.districtCode
            $0.validFrom = "1990-01-01"
        })
        try await self.importCSV(Methods.Core.Import.importUnits, DemoData.unitsCSV(), what: "grassroots unions", using: client)
        try await self.importCSV(Methods.Core.Import.importMembers, DemoData.membersCSV(), what: "workers and members", using: client)

        var codes: [String: String] = [:]
        var token = ""
        repeat {
            let page = try await client.unary(Methods.Core.Units.listUnits, ListUnitsRequest.with {
                $0.rootID = district.id
                $0.page.pageSize = 1000
                $0.page.pageToken = token
            })
            for unit in page.units { codes[unit.code] = unit.id }
            token = page.nextPageToken
        } while !token.isEmpty
        for cluster in DemoData.clusters() {
            let ids = cluster.codes.compactMap { codes[$0] }
            _ = try await client.unary(Methods.Core.Units.createCluster, CreateClusterRequest.with {
                $0.name = cluster.name
                $0.year = 2022
                $0.headUnitID = ids[0]
                $0.unitIds = ids
            })
        }
        standardError("created 5 emulation clusters\n")
        return district
    }

    private func importCSV(
        _ method: ServerStreamingMethod<ImportCsvRequest, ImportProgress>, _ csv: String, what: String, using client: ThiduaClient
    ) async throws {
        let progress = try client.serverStreaming(method, ImportCsvRequest.with { $0.csv = Data(csv.utf8) })
        for try await step in progress {
            if step.done {
                standardError("\u{1B}[2K\rimported \(step.rowsImported) \(what)\n")
            } else {
                standardError("checked \(step.rowsChecked) of \(step.rowsTotal) rows\r")
            }
        }
    }

    private func findDistrict(under rootID: String, using client: ThiduaClient) async throws -> Unit {
        let page = try await client.unary(Methods.Core.Units.listUnits, ListUnitsRequest.with {
            $0.rootID = rootID
            $0.kind = .districtFederation
            $0.page.pageSize = 1000
        })
        guard let district = page.units.first(where: { $0.code == DemoData.districtCode }) else {
            throw CLIFailure.usage("a unit with the code \(DemoData.provinceCode) exists, but not the demo district")
        }
        return district
    }

    private func printSummary(of world: DemoWorld) async throws {
        let client = world.client
        let district = try await client.unary(Methods.Core.Units.getUnit, GetUnitRequest.with { $0.id = world.districtID })
        let summary = try await client.unary(
            Methods.Core.Reports.organisationSummary,
            OrganisationSummaryRequest.with { $0.unitID = district.id }
        )
        let sectorNames: [Sector: String] = [
            .communeTown: "communes and towns", .publicAgency: "agencies", .nonStateEnterprise: "non-state enterprises",
            .school: "schools", .stateEnterprise: "state enterprises", .foreignInvestedEnterprise: "foreign-invested enterprises",
        ]
        let sectors = summary.grassrootsUnionsBySector
            .map { "\(sectorNames[$0.sector] ?? "other") \($0.count)" }
            .joined(separator: ", ")
        let share = summary.womenMemberSharePermille
        standardOutput("""
            \(district.name) (\(district.id))
              grassroots unions: \(summary.grassrootsUnions) (\(sectors))
              workers: \(summary.workers), of whom women \(summary.womenWorkers)
              union members: \(summary.unionMembers), of whom women \(summary.womenUnionMembers) (\(share / 10).\(share % 10)%)

            """)
    }
}
