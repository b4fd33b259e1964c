import ThiduaModuleKit

/// A `thidua-server` executable with the campaign modules you give it. This repository's
/// `thidua-server` is `await ThiduaServer.main(modules: BuiltinModules.all)`; a package outside it
/// depends on the `ThiduaServer` product and builds its own server with its own modules, without
/// editing this repository (docs/MODULES.md, "A module outside this repository"):
///
/// ```swift
/// import ThiduaBuiltinModules   // optional: the campaigns of this repository
/// import ThiduaServer
/// import UnionHousing           // the package's own module
///
/// @main enum Main {
///     static func main() async {
///         await ThiduaServer.main(modules: BuiltinModules.all + [UnionHousingModule()])
///     }
/// }
/// ```
public enum ThiduaServer {
    /// The modules this executable serves, for the command and its subcommands.
    @TaskLocal static var modules: [any CampaignModule] = []

    /// Parses the command line and runs the server, or the subcommand it names, with `modules`
    /// available (the configuration chooses which of them load); exits when it ends.
    public static func main(modules: [any CampaignModule]) async {
        await self.$modules.withValue(modules) {
            await ServerCommand.main()
        }
    }
}
