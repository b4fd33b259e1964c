import NIOCore

/// Constants of the wire protocol that both sides must agree on.
public enum WireProtocol {
    /// The protocol version this code speaks, sent in `ClientHello` and `ServerHello`.
    public static let version: UInt32 = 1

    /// Size of the length prefix in front of every frame.
    public static let lengthPrefixBytes = 4

    /// The largest first frame (the `ClientHello`) a server reads. Far below any frame limit, so
    /// that a peer speaking another protocol (HTTP, TLS, random bytes) is refused at its first
    /// four bytes rather than after a long read.
    public static let maxHelloBytes = 64 * 1024

    /// The default largest frame body.
    public static let defaultMaxFrameBytes = 4 * 1024 * 1024
}
