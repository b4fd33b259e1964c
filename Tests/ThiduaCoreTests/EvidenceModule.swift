import Synchronization
import ThiduaModuleKit

/// The people the tests say have evidence of a recognised initiative, in memory.
final class RecordedEvidence: Sendable {
    private let members = Mutex<Set<String>>([])

    func add(_ memberIDs: [String]) {
        self.members.withLock { $0.formUnion(memberIDs) }
    }

    func has(_ memberID: String) -> Bool {
        self.members.withLock { $0.contains(memberID) }
    }
}

/// A campaign module for the core's tests, standing in for the innovation module: it finds the
/// evidence of a recognised initiative that "Chiến sĩ thi đua cơ sở" needs, for the members in
/// `evidence`, and serves nothing.
struct EvidenceModule: CampaignModule {
    let id = "evidence_test"
    let version = "0.0.0"
    let evidence: RecordedEvidence

    var migrations: [Migration] { [] }
    var permissions: [PermissionDescription] { [] }
    var rules: [RuleDescription] { [] }

    func provision(_ context: ModuleContext) async throws -> any ModuleRuntime {
        let evidence = self.evidence
        context.core.provideTitleEvidence(TitleEvidenceKind.recognisedInitiative) { query, _ in
            evidence.has(query.memberID) ? ["test evidence"] : []
        }
        return Runtime()
    }

    struct Runtime: ModuleRuntime {

        func register(into registrar: inout ServiceRegistrar) {}
    }
}
