/// A violation of the framing layer: the connection cannot continue after one of these.
public enum WireError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The length prefix announced a frame above the limit in force.
    case frameTooLarge(announced: UInt32, limit: Int)
    /// A frame's bytes did not arrive within the frame deadline after its first byte.
    case frameTimedOut(milliseconds: Int64)
    /// A frame's body is not a valid protobuf `Frame`.
    case malformedFrame(reason: String)
    /// The frame decoded but sets none of the kinds this version knows.
    case unknownFrameKind
    /// The connection closed in the middle of a frame.
    case truncatedFrame(bufferedBytes: Int)

    public var description: String {
        switch self {
        case .frameTooLarge(let announced, let limit):
            "a frame of \(announced) bytes exceeds the limit of \(limit) bytes"
        case .frameTimedOut(let milliseconds):
            "a frame did not arrive completely within \(milliseconds) ms of its first byte"
        case .malformedFrame(let reason):
            "a frame does not decode as thidua.wire.v1.Frame: \(reason)"
        case .unknownFrameKind:
            "a frame sets no kind known to protocol version \(WireProtocol.version)"
        case .truncatedFrame(let bufferedBytes):
            "the connection closed with \(bufferedBytes) bytes of an unfinished frame"
        }
    }

    /// The status code a `GoAway` carries when the connection is closed for this error.
    public var statusCode: StatusCode {
        switch self {
        case .frameTooLarge: .resourceExhausted
        case .frameTimedOut: .deadlineExceeded
        case .malformedFrame, .unknownFrameKind, .truncatedFrame: .invalidArgument
        }
    }

    /// A stable rule identifier for `ErrorDetail.rule`.
    public var rule: String {
        switch self {
        case .frameTooLarge: "frame.max_bytes"
        case .frameTimedOut: "frame.timeout"
        case .malformedFrame: "frame.decode"
        case .unknownFrameKind: "frame.kind"
        case .truncatedFrame: "frame.truncated"
        }
    }
}
