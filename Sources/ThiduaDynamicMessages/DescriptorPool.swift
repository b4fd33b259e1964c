import Foundation
import SwiftProtobuf

/// All message and enum types of a set of `.proto` files, by fully qualified name
/// ("thidua.host.v1.EchoRequest", no leading dot).
///
/// The pool resolves everything a codec needs up front: every field's type, its JSON name, whether
/// it is packed, whether it tracks presence (from the file's syntax, edition features and options).
/// Building a pool fails when the files are inconsistent, so a pool that exists can encode and
/// decode every message type it holds.
public struct DescriptorPool: Sendable {
    /// The message types, by fully qualified name without leading dot.
    let messages: [String: MessageDescriptor]
    /// The enum types, by fully qualified name without leading dot.
    let enums: [String: EnumDescriptor]

    /// Creates a pool from file descriptors, such as those a reflection service returns.
    ///
    /// The files may come in any order, but every type a field refers to must be defined by one of
    /// them. A file given twice with identical contents counts once.
    ///
    /// - Parameter files: The files whose types the pool holds.
    /// - Throws: `DynamicMessageError` when two types share a fully qualified name, two different
    ///   files share a file name, a field refers to a type no file defines, or a file is malformed
    ///   (unsupported syntax, duplicate field numbers, invalid map entry).
    public init(files: [Google_Protobuf_FileDescriptorProto]) throws {
        var builder = DescriptorPoolBuilder()
        for file in files {
            try builder.add(file)
        }
        (messages, enums) = try builder.build()
    }

    /// Creates a pool from serialized `google.protobuf.FileDescriptorProto` messages, such as the
    /// `file_descriptors` of a `thidua.host.v1.DescribeServiceResponse`.
    ///
    /// - Parameter serializedFiles: Each element is one serialized `FileDescriptorProto`.
    /// - Throws: `DynamicMessageError` when an element is not a valid `FileDescriptorProto`, or for
    ///   any reason `init(files:)` throws.
    public init(serializedFiles: [Data]) throws {
        var files: [Google_Protobuf_FileDescriptorProto] = []
        files.reserveCapacity(serializedFiles.count)
        for (index, data) in serializedFiles.enumerated() {
            do {
                files.append(try Google_Protobuf_FileDescriptorProto(serializedBytes: data))
            } catch {
                throw DynamicMessageError(
                    message: "file descriptor #\(index) is not a valid serialized "
                        + "google.protobuf.FileDescriptorProto (\(error))"
                )
            }
        }
        try self.init(files: files)
    }

    /// Creates a pool from a serialized `google.protobuf.FileDescriptorSet`, such as the output of
    /// `protoc --include_imports --descriptor_set_out`.
    ///
    /// - Parameter fileDescriptorSet: A serialized `FileDescriptorSet`.
    /// - Throws: `DynamicMessageError` when the data is not a valid `FileDescriptorSet`, or for any
    ///   reason `init(files:)` throws.
    public init(fileDescriptorSet: Data) throws {
        let set: Google_Protobuf_FileDescriptorSet
        do {
            set = try Google_Protobuf_FileDescriptorSet(serializedBytes: fileDescriptorSet)
        } catch {
            throw DynamicMessageError(
                message: "not a valid serialized google.protobuf.FileDescriptorSet (\(error))"
            )
        }
        try self.init(files: set.file)
    }

    /// Whether the pool holds a message type of this name.
    ///
    /// - Parameter named: A fully qualified name such as "thidua.host.v1.EchoRequest"; a leading
    ///   dot, as descriptors spell type references, is accepted too.
    public func hasMessage(named: String) -> Bool {
        message(named: named) != nil
    }

    /// The message type of this fully qualified name, with or without leading dot.
    func message(named name: String) -> MessageDescriptor? {
        messages[name.hasPrefix(".") ? String(name.dropFirst()) : name]
    }

    /// The enum type of this fully qualified name, with or without leading dot.
    func enumType(named name: String) -> EnumDescriptor? {
        enums[name.hasPrefix(".") ? String(name.dropFirst()) : name]
    }
}
