// A module author imports this target alone: it brings the call layer and the wire types with it.
@_exported import ThiduaCalls
@_exported import ThiduaWire

/// One emulation campaign's services, loaded by the host and built on this kit only.
///
/// Construction must have no side effects: the host may construct a module and then not enable it.
public protocol CampaignModule: Sendable {
    /// Short, stable and lower-case, such as "innovation". It namespaces the module's services
    /// (`thidua.<id>.v1`), migrations and permissions.
    var id: String { get }
    /// The module's own version, reported by `ServerInfo/GetInfo`.
    var version: String { get }
    /// Adds the module's services, and the descriptor set that declares them.
    func register(into registrar: inout ServiceRegistrar)
}
