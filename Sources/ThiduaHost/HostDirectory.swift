import Foundation
import Synchronization
import ThiduaCalls

/// What the built-in services report about the server they run in. The router is set once, after
/// it is built, because the services that describe it are themselves among its routes.
final class HostDirectory: Sendable {
    struct LoadedModule: Sendable {
        let id: String
        let version: String
    }

    let modules: [LoadedModule]
    let startedAt = Date()
    let health = HealthMonitor()
    private let built = Mutex<(router: Router, metrics: ServerMetrics)?>(nil)

    init(modules: [LoadedModule]) {
        self.modules = modules
    }

    func install(router: Router, metrics: ServerMetrics) {
        self.built.withLock { $0 = (router, metrics) }
    }

    var router: Router {
        guard let router = self.built.withLock({ $0?.router }) else {
            preconditionFailure("HostDirectory used before the router was installed")
        }
        return router
    }

    var metrics: ServerMetrics {
        guard let metrics = self.built.withLock({ $0?.metrics }) else {
            preconditionFailure("HostDirectory used before the router was installed")
        }
        return metrics
    }
}
