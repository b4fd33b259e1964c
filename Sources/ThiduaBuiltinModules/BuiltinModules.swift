import ThiduaModuleKit

// Campaign modules: one import each.
import Dialogue
import GreenClean
import Innovation
import TwoGoods
import WorkAndHome
// End of the imports.

/// The campaign modules of this repository, which `thidua-server` is built with. Adding a module
/// is one line here (and its import above); the configuration (`--modules`, or "modules" in the
/// file) chooses which of them a deployment loads. `Scripts/new-module.sh` adds both. A package
/// outside this repository builds its own server from `ThiduaServer`, with these or without.
public enum BuiltinModules {
    public static let all: [any CampaignModule] = [
        DialogueModule(),
        GreenCleanModule(),
        InnovationModule(),
        TwoGoodsModule(),
        WorkAndHomeModule(),
    ]
}
