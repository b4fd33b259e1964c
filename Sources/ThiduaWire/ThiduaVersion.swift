/// The version of this software, reported in `ServerHello` and by the CLI.
public enum ThiduaVersion {
    public static let current = "0.1.0"
}
