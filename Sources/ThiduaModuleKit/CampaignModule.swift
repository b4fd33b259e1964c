// A module author imports this target alone: it brings the call layer, the wire types and the
// storage API with it. No database engine is visible to a module: see docs/MODULES.md, "Storage".
@_exported import ThiduaCalls
@_exported import ThiduaStorage
@_exported import ThiduaWire

/// One emulation campaign, loaded by the host and built on this kit only.
///
/// Construction must have no side effects: the host may construct a module and then not enable
/// it. Work happens in ``provision(_:)``, after the migrations have run.
public protocol CampaignModule: Sendable {
    /// Short, stable and lower-case, such as "innovation". It namespaces the module's services
    /// (`thidua.<id>.v1`), migrations and permissions.
    var id: String { get }
    /// The module's own version, reported by `ServerInfo/GetInfo`.
    var version: String { get }
    /// The module's schema, applied in order before the server accepts connections. Never edit a
    /// migration once shipped: add a new one.
    var migrations: [Migration] { get }
    /// The permissions the module's methods need, each named "<id>.<action>".
    var permissions: [PermissionDescription] { get }
    /// The rules the module's refusals name besides the kit's and the core's, each named
    /// "<id>.<rule>" and declared once, with its status and its messages in English and
    /// Vietnamese (see ``RuleDescription``). docs/RULES.md lists them.
    var rules: [RuleDescription] { get }
    /// Builds the module's running part on what the host provides.
    func provision(_ context: ModuleContext) async throws -> any ModuleRuntime
}

/// A provisioned module (or the core): what the host serves and later shuts down.
///
/// It does not name itself: the host serves it under the id and version of the module that
/// provisioned it, so a runtime cannot register services, or claim permissions, as another.
public protocol ModuleRuntime: Sendable {
    /// Called once every module is provisioned: refuse to start on a bad configuration here.
    func validate() async throws
    /// Adds the services, and the descriptor set that declares them.
    func register(into registrar: inout ServiceRegistrar)
    /// Called after the server has drained, in reverse order of provisioning.
    func cleanup() async
}

extension ModuleRuntime {
    public func validate() async throws {}
    public func cleanup() async {}
}

/// The runtime of most modules: a fixed set of services and the descriptor set that declares
/// them, with nothing to validate or clean up. `provision` ends with
/// `return ModuleServices(descriptorSet: <Name>ProtoFiles.descriptorSetBase64, [ServiceA(…), ServiceB(…)])`.
public struct ModuleServices: ModuleRuntime {
    let descriptorSetBase64: String
    let services: [any RegistrableService]

    public init(descriptorSet base64: String, _ services: [any RegistrableService]) {
        self.descriptorSetBase64 = base64
        self.services = services
    }

    public func register(into registrar: inout ServiceRegistrar) {
        registrar.addDescriptorSet(base64: self.descriptorSetBase64)
        for service in self.services {
            registrar.register(service)
        }
    }
}

/// A permission a method needs, for people minting keys.
public struct PermissionDescription: Sendable, Equatable {
    public let name: String
    public let summary: String

    public init(_ name: String, _ summary: String) {
        self.name = name
        self.summary = summary
    }
}
