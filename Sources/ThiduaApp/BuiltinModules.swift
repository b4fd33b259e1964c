import GreenClean
import ThiduaModuleKit

/// The campaign modules this build of the server knows. Adding a module is one line here; the
/// configuration (`--modules`, or "modules" in the file) chooses which of them a deployment loads.
public enum BuiltinModules {
    public static let all: [any CampaignModule] = [
        GreenCleanModule(),
    ]
}
