import Foundation
import Testing
import ThiduaHost
import ThiduaModuleKit
import ThiduaTesting

/// The server refuses to start with a module that breaks the module contract, and says how.
@Suite struct ModuleContractTests {
    /// A module made of whatever a test gives it: one unary method per service.
    struct Probe: CampaignModule {
        var id = "probe"
        var version = "1"
        var migrations: [Migration] = []
        var permissions: [PermissionDescription] = [.init("probe.read", "reads")]
        var rules: [RuleDescription] = [
            RuleDescription("probe.missing", .notFound, en: "Probe {probe} is missing", vi: "Không tìm thấy đầu dò {probe}"),
        ]
        /// Service names, each with the permission its method needs.
        var services: [(name: String, permission: String?)] = [("thidua.probe.v1.Probes", "probe.read")]

        func provision(_ context: ModuleContext) async throws -> any ModuleRuntime {
            Runtime(services: self.services)
        }

        struct Runtime: ModuleRuntime {
            let services: [(name: String, permission: String?)]

            func register(into registrar: inout ServiceRegistrar) {
                for service in self.services {
                    registrar.addService(service.name) { builder in
                        builder.unary("Ping", permission: service.permission) { (_: EchoRequest, _) in EchoReply() }
                    }
                }
            }
        }
    }

    /// Starts a server with `modules` and returns why it refused.
    private func refusal(_ modules: [any CampaignModule]) async -> String {
        do {
            let server = try await TestServer.start(modules: modules)
            try? await server.stop()
            Issue.record("the server started with a module that breaks the contract")
            return ""
        } catch {
            return "\(error)"
        }
    }

    @Test func aServiceOutsideTheModulesPackageIsRefused() async {
        let message = await self.refusal([Probe(services: [("thidua.core.v1.Units", "probe.read")])])
        #expect(message.contains("probe registers the service thidua.core.v1.Units, outside its package thidua.probe.v1.*"), "\(message)")
    }

    @Test func aMethodNeedingAnUndeclaredPermissionIsRefused() async {
        let message = await self.refusal([Probe(services: [("thidua.probe.v1.Probes", "probe.raed")])])
        #expect(message.contains("thidua.probe.v1.Probes/Ping needs the permission \"probe.raed\", which probe does not declare"), "\(message)")
    }

    @Test func twoModulesClaimingOneIdAreRefused() async {
        let message = await self.refusal([Probe(), Probe()])
        #expect(message.contains("two modules claim the id \"probe\""), "\(message)")
    }

    @Test func aPermissionOutsideTheModulesNamespaceIsRefused() async {
        let message = await self.refusal([Probe(permissions: [.init("units.write", "writes units")])])
        #expect(message.contains("probe declares the permission \"units.write\"; its permissions are named \"probe.<action>\""), "\(message)")
        #expect(message.contains("probe and core both declare the permission \"units.write\""), "\(message)")
    }

    @Test func aTableOutsideTheModulesNamespaceIsRefused() async {
        let migration = Migration("0001_sneaky", sql: "CREATE TABLE IF NOT EXISTS core_shadow (id INTEGER PRIMARY KEY);")
        let message = await self.refusal([Probe(migrations: [migration])])
        #expect(message.contains("probe's migration 0001_sneaky creates the table core_shadow; a module's names start with \"probe_\""), "\(message)")
    }

    @Test func aReservedOrMalformedIdIsRefused() async {
        #expect(await self.refusal([Probe(id: "core")]).contains("module id \"core\" is reserved"))
        #expect(await self.refusal([Probe(id: "Bad-Id")]).contains("module id \"Bad-Id\" must be 2 to 32 characters"))
    }
}

/// The contract for rules: a module declares its own rules, in its namespace, once, and well.
@Suite struct ModuleRuleContractTests {
    typealias Probe = ModuleContractTests.Probe

    /// Starts a server with `modules` and returns why it refused.
    private func refusal(_ modules: [any CampaignModule]) async -> String {
        do {
            let server = try await TestServer.start(modules: modules)
            try? await server.stop()
            Issue.record("the server started with a module that breaks the contract")
            return ""
        } catch {
            return "\(error)"
        }
    }

    @Test func aModuleWithItsOwnRulesStarts() async throws {
        let server = try await TestServer.start(modules: [Probe(services: [])])
        try await server.stop()
    }

    @Test func aRuleOutsideTheModulesNamespaceIsRefused() async {
        let stolen = RuleDescription("unit.exists", .notFound, en: "No such unit", vi: "Không có đơn vị này")
        let message = await self.refusal([Probe(rules: [stolen])])
        #expect(message.contains("probe declares the rule \"unit.exists\"; its rules are named \"probe.<rule>\""), "\(message)")
        #expect(message.contains("probe and core both declare the rule \"unit.exists\""), "\(message)")
    }

    @Test func twoModulesDeclaringOneRuleAreRefused() async {
        let second = Probe(id: "second", permissions: [], services: [])
        let message = await self.refusal([Probe(), second])
        #expect(message.contains("second and probe both declare the rule \"probe.missing\""), "\(message)")
    }

    @Test func aModuleNamedLikeANamespaceOfTheServersRulesCannotDeclareRules() async {
        let unit = Probe(id: "unit", permissions: [], rules: [RuleDescription("unit.probe_gone", .notFound, en: "Gone", vi: "Đã mất")], services: [])
        let message = await self.refusal([unit])
        #expect(message.contains("unit's rules would be named \"unit.<rule>\", a namespace of the server's own rules"), "\(message)")
    }

    @Test func aRuleWhoseMessagesDisagreeOnTheirParametersIsRefused() async {
        let rule = RuleDescription("probe.count", .invalidArgument, en: "{count} probes is too many", vi: "Quá nhiều đầu dò: {so}")
        let message = await self.refusal([Probe(rules: [rule])])
        #expect(message.contains("probe: rule probe.count's messages take different parameters: {count} in English, {so} in Vietnamese"), "\(message)")
    }

    @Test func aRuleThatRefusesWithOKOrHasNoMessageIsRefused() async {
        let rule = RuleDescription("probe.fine", .ok, en: "Fine", vi: " ")
        let message = await self.refusal([Probe(rules: [rule])])
        #expect(message.contains("probe: rule probe.fine refuses with OK"), "\(message)")
        #expect(message.contains("probe: rule probe.fine has no vietnamese message"), "\(message)")
    }
}
