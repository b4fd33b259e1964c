/// Why the tool stopped before or during a run.
enum LoadError: Error, Equatable, CustomStringConvertible {
    /// The command line is wrong.
    case usage(String)
    /// The server could not be reached or refused the tool.
    case connection(String)
    /// A payload template could not be turned into a request message.
    case template(String)

    var description: String {
        switch self {
        case .usage(let message), .connection(let message), .template(let message): message
        }
    }
}
