import ArgumentParser

/// The `thidua-load` command: a load generator for a thidua server.
@main
struct ThiduaLoadEntry {
    /// Runs the tool.
    static func main() async {
        await LoadCommand.main()
    }
}
