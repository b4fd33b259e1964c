import ThiduaClient
import ThiduaCoreAPI

/// What the core part of `thidua demo` loaded, handed to each module's part.
struct DemoWorld: Sendable {
    let client: ThiduaClient
    /// The key's root unit (the confederation on a fresh server).
    let rootID: String
    /// Liên đoàn Lao động tỉnh Thanh Hóa.
    let provinceID: String
    /// Liên đoàn Lao động huyện Triệu Sơn.
    let districtID: String
    /// Every unit under the district, by code ("TS-X01"...; see DemoData).
    let unitIDsByCode: [String: String]
    /// The five emulation clusters of 2022.
    let clusterIDs: [String]
    /// The modules the server serves ("innovation", ...), from its reflection service.
    let modules: Set<String>

    /// Each module's part of the demo: one line per module.
    static let moduleDemos: [any ModuleDemo.Type] = [
        DialogueDemo.self,
        GreenCleanDemo.self,
        InnovationDemo.self,
        TwoGoodsDemo.self,
        WorkAndHomeDemo.self,
    ]
}

/// Where a module's report lines are printed.
enum DemoReportSection: Sendable {
    /// Indented under the heading of the demo district (Triệu Sơn), whose figures they are.
    case demoDistrict
    /// Under a heading of the module's own, naming the district the lines are about.
    case ownHeading
}

/// One module's part of the demo, run when the server has that module.
protocol ModuleDemo: SendableMetatype {
    /// The module id, as in `thidua.<id>.v1`.
    static var module: String { get }
    /// Whose figures the summary prints: the demo district's, under its heading, or another
    /// district's, under a heading the module prints itself. The summary prints every part of the
    /// first kind before any of the second, so no figure ever sits under another district's name.
    static var section: DemoReportSection { get }
    /// Loads the module's data. Runs once, right after the core data was loaded.
    static func load(into world: DemoWorld) async throws
    /// Prints the module's report lines on stdout, from the server's reports.
    static func printSummary(of world: DemoWorld) async throws
}
