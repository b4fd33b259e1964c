import ThiduaWire
import ArgumentParser

/// `thidua`: a generic command-line client for any thidua server, in the manner of grpcurl.
@main
struct ThiduaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thidua",
        abstract: "Talk to a thidua server: list and describe its services, call any method with JSON.",
        discussion: """
            The server comes from --server, else $THIDUA_SERVER, else 127.0.0.1:7878. The API key comes \
            from --api-key, --api-key-file or $THIDUA_API_KEY. Refusals are in English unless --lang vi \
            (or $THIDUA_LANG) asks for Vietnamese. When a call fails, the status name and \
            message go to standard error and the exit code is 64 plus the status code (NOT_FOUND = 5 \
            exits 69). Bad flags or request JSON exit 64; a connection failure exits 1.
            """,
        version: ThiduaCLIVersion.text,
        subcommands: [
            HealthCommand.self, ServicesCommand.self, DescribeCommand.self, CallCommand.self, InfoCommand.self,
            DemoCommand.self,
        ]
    )

    /// Accepted before or after the subcommand's name.
    @OptionGroup var connection: ConnectionOptions
}

enum ThiduaCLIVersion {
    static var text: String { "thidua \(ThiduaVersion.current)" }
}
