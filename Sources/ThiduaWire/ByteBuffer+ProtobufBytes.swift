import NIOCore
import SwiftProtobuf

/// Lets SwiftProtobuf decode straight from, and encode straight into, a `ByteBuffer`'s readable
/// bytes, so frames and payloads need no intermediate `Data` or `[UInt8]` copy.
extension ByteBuffer: @retroactive SwiftProtobufContiguousBytes {
    public init(repeating byte: UInt8, count: Int) {
        self = ByteBufferAllocator().buffer(capacity: count)
        self.writeRepeatingByte(byte, count: count)
    }

    public init<S: Sequence>(_ sequence: S) where S.Element == UInt8 {
        self = ByteBufferAllocator().buffer(capacity: sequence.underestimatedCount)
        self.writeBytes(sequence)
    }

    public var count: Int { self.readableBytes }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try self.withUnsafeReadableBytes(body)
    }

    public mutating func withUnsafeMutableBytes<R>(
        _ body: (UnsafeMutableRawBufferPointer) throws -> R
    ) rethrows -> R {
        try self.withUnsafeMutableReadableBytes(body)
    }
}
