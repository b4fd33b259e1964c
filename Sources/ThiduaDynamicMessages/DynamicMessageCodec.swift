import Foundation

/// Converts messages between protobuf JSON and the protobuf binary encoding, knowing their types
/// only from descriptors, the way grpcurl does.
///
/// JSON follows the canonical proto3 mapping (https://protobuf.dev/programming-guides/json/):
/// lowerCamel keys (the original field names are accepted too), 64-bit integers as strings, bytes
/// as base64, enums by name. Well-known types such as `google.protobuf.Timestamp` get no special
/// form: they are ordinary messages, provided their descriptors are in the pool.
public struct DynamicMessageCodec: Sendable {
    /// The most messages that may be nested in one another, the outermost included (a map entry
    /// counts as a level). Deeper input is refused, so hostile input cannot exhaust the stack.
    static let maxMessageDepth = 100

    /// The types the codec knows.
    public let pool: DescriptorPool

    /// Creates a codec for the message types of a pool.
    ///
    /// - Parameter pool: The types to encode and decode.
    public init(pool: DescriptorPool) {
        self.pool = pool
    }

    /// Encodes a message written as protobuf JSON in the protobuf binary encoding.
    ///
    /// Fields are written in field-number order, repeated scalars packed where the descriptors say
    /// so, and fields without presence left out when they hold their default value: the bytes are
    /// those SwiftProtobuf or protoc write for the same message. Map entries are written in the
    /// order of the JSON object.
    ///
    /// - Parameters:
    ///   - json: UTF-8 JSON text: one object.
    ///   - messageType: The fully qualified name of the message type, such as
    ///     "thidua.host.v1.EchoRequest".
    /// - Returns: The serialized message.
    /// - Throws: `DynamicMessageError` when the type is unknown, the text is not JSON, or a value
    ///   does not fit its field; the error's path locates the value.
    public func binary(fromJSON json: Data, messageType: String) throws(DynamicMessageError) -> Data {
        let type = try messageDescriptor(named: messageType)
        // Each message level is at most two JSON levels (its object, then an array or map object).
        let value = try JSONParser.parse(Array(json), maxDepth: 2 * Self.maxMessageDepth + 1)
        var writer = BinaryWriter()
        try encodeMessage(value, type: type, path: "", depth: 1, into: &writer)
        return Data(writer.bytes)
    }

    /// Decodes a message in the protobuf binary encoding into protobuf JSON.
    ///
    /// Keys are the fields' JSON names, in field-number order. Fields without presence appear even
    /// when they hold their default value (repeated fields as `[]`, maps as `{}`); oneof members,
    /// proto3 `optional` fields and message fields appear only when present. Fields the type does
    /// not declare are skipped.
    ///
    /// - Parameters:
    ///   - binary: The serialized message.
    ///   - messageType: The fully qualified name of the message type.
    ///   - pretty: Whether to put each member and element on its own line, indented by two spaces.
    /// - Returns: The JSON text.
    /// - Throws: `DynamicMessageError` when the type is unknown or the bytes are malformed
    ///   (truncated, a length past the end, a wire type that does not match the field); the
    ///   message gives the byte offset.
    public func json(
        fromBinary binary: Data, messageType: String, pretty: Bool = false
    ) throws(DynamicMessageError) -> String {
        let type = try messageDescriptor(named: messageType)
        var reader = BinaryReader(bytes: Array(binary))
        var message = DecodedMessage()
        try decodeMessage(into: &message, type: type, reader: &reader, path: "", depth: 1, group: nil)
        var writer = JSONWriter(pretty: pretty)
        writeJSON(message, type: type, to: &writer)
        return writer.text
    }

    private func messageDescriptor(named name: String) throws(DynamicMessageError) -> MessageDescriptor {
        guard let type = pool.message(named: name) else {
            throw DynamicMessageError(message: "unknown message type \(name)")
        }
        return type
    }

    /// The message type a message or map field refers to. The pool guarantees it exists.
    func messageType(of field: FieldDescriptor) -> MessageDescriptor {
        guard let type = pool.message(named: field.typeName) else {
            preconditionFailure("DescriptorPool resolved \(field.typeName) but does not hold it")
        }
        return type
    }

    /// The enum type an enum field refers to. The pool guarantees it exists.
    func enumType(of field: FieldDescriptor) -> EnumDescriptor {
        guard let type = pool.enumType(named: field.typeName) else {
            preconditionFailure("DescriptorPool resolved \(field.typeName) but does not hold it")
        }
        return type
    }
}
