import ThiduaWire

extension RPCError {
    /// The status a thrown error reaches the client as. An error that is neither an ``RPCError``
    /// nor ``RPCErrorConvertible`` becomes INTERNAL with a message that reveals nothing; the caller
    /// logs the original.
    public init(mapping error: any Error) {
        switch error {
        case let error as RPCError:
            self = error
        case let error as any RPCErrorConvertible:
            self = error.rpcError
        case is CancellationError:
            self.init(.cancelled, "the call was cancelled")
        default:
            self.init(.internal, "internal error")
        }
    }

    /// True when ``init(mapping:)`` had to hide the error: it is a bug or a failure worth logging.
    public static func isUnexpected(_ error: any Error) -> Bool {
        !(error is RPCError || error is any RPCErrorConvertible || error is CancellationError)
    }
}
