import Synchronization
import ThiduaModuleKit

/// A campaign module for the core's tests that serves nothing: it keeps the context the host
/// gave it, for a test to reach the kit as a module would, and runs `onProvision` with it.
final class ContextProbe: CampaignModule, Sendable {
    let id: String
    let version = "0.0.0"
    var migrations: [Migration] { [] }
    var permissions: [PermissionDescription] { [] }
    var rules: [RuleDescription] { [] }
    private let captured = Mutex<ModuleContext?>(nil)
    private let onProvision: @Sendable (ModuleContext) -> Void

    init(id: String = "context_probe", onProvision: @escaping @Sendable (ModuleContext) -> Void = { _ in }) {
        self.id = id
        self.onProvision = onProvision
    }

    /// The context, once the server has provisioned the module.
    var context: ModuleContext { self.captured.withLock { $0! } }

    func provision(_ context: ModuleContext) async throws -> any ModuleRuntime {
        self.captured.withLock { $0 = context }
        self.onProvision(context)
        return Runtime()
    }

    struct Runtime: ModuleRuntime {
        func register(into registrar: inout ServiceRegistrar) {}
    }
}
