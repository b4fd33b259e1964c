import Foundation
import NIOCore
import NIOPosix

/// Why a connection could not be made, in one line for people: "connection refused", "no
/// address for host x", "timed out after 10 s", instead of SwiftNIO's nested error values.
public enum ConnectFailure {
    /// A short description of an error thrown while connecting.
    public static func describe(_ error: any Error) -> String {
        switch error {
        case let error as NIOConnectionError:
            if let failure = error.connectionErrors.first {
                return Self.describe(failure.error)
            }
            if error.dnsAError != nil || error.dnsAAAAError != nil {
                return "no address found for host \(error.host)"
            }
            return "no address to connect to for \(error.host)"
        case let error as IOError:
            return String(cString: strerror(error.errnoCode)).lowercased()
        case ChannelError.connectTimeout(let timeout):
            return "no answer within \(timeout.nanoseconds / 1_000_000_000) s"
        default:
            return "\(error)"
        }
    }
}
