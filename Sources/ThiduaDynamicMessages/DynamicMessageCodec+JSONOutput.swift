import Foundation

/// Decoded message → JSON text, in the canonical proto3 JSON mapping.
extension DynamicMessageCodec {
    /// Writes a message as a JSON object: fields in field-number order under their JSON names;
    /// fields without presence always, the others only when present.
    func writeJSON(_ message: DecodedMessage, type: MessageDescriptor, to writer: inout JSONWriter) {
        writer.beginObject()
        for (index, field) in type.fields.enumerated() {
            let stored = message.fields[index]
            if field.isMap {
                writer.key(field.jsonName)
                writeMap(stored, field: field, to: &writer)
            } else if field.isRepeated {
                writer.key(field.jsonName)
                writer.beginArray()
                if case .repeated(let values)? = stored {
                    for value in values {
                        writeValue(value, field: field, to: &writer)
                    }
                }
                writer.endArray()
            } else if case .single(let value)? = stored {
                writer.key(field.jsonName)
                writeValue(value, field: field, to: &writer)
            } else if !field.hasPresence {
                writer.key(field.jsonName)
                writeDefault(of: field, to: &writer)
            }
        }
        writer.endObject()
    }

    private func writeMap(_ stored: DecodedField?, field: FieldDescriptor, to writer: inout JSONWriter) {
        writer.beginObject()
        if case .map(let map)? = stored {
            let entryType = messageType(of: field)
            guard let valueField = entryType.field(number: 2) else {
                preconditionFailure("DescriptorPool validated the map entry \(entryType.fullName)")
            }
            for (key, value) in zip(map.keys, map.values) {
                writer.key(key)
                if let value {
                    writeValue(value, field: valueField, to: &writer)
                } else {
                    writeDefault(of: valueField, to: &writer)
                }
            }
        }
        writer.endObject()
    }

    /// Writes the value a field holds when it is absent: zero, false, "", the enum's default value,
    /// or (for a map value of message type) an empty message.
    private func writeDefault(of field: FieldDescriptor, to writer: inout JSONWriter) {
        switch field.kind {
        case .int64, .uint64, .sint64, .fixed64, .sfixed64: writer.string("0")
        case .int32, .uint32, .sint32, .fixed32, .sfixed32, .float, .double: writer.number("0")
        case .bool: writer.bool(false)
        case .string, .bytes: writer.string("")
        case .enumeration: writeEnum(enumType(of: field).defaultNumber, field: field, to: &writer)
        case .message, .group: writeJSON(DecodedMessage(), type: messageType(of: field), to: &writer)
        }
    }

    private func writeValue(_ value: DecodedValue, field: FieldDescriptor, to writer: inout JSONWriter) {
        switch value {
        case .signed(let number):
            if field.kind == .int64 || field.kind == .sint64 || field.kind == .sfixed64 {
                writer.string(String(number))
            } else {
                writer.number(String(number))
            }
        case .unsigned(let number):
            if field.kind == .uint64 || field.kind == .fixed64 {
                writer.string(String(number))
            } else {
                writer.number(String(number))
            }
        case .float(let number):
            writeFloatingPoint(Double(number), shortest: number.description, to: &writer)
        case .double(let number):
            writeFloatingPoint(number, shortest: number.description, to: &writer)
        case .bool(let flag):
            writer.bool(flag)
        case .string(let text):
            writer.string(text)
        case .bytes(let bytes):
            writer.string(Data(bytes).base64EncodedString())
        case .enumNumber(let number):
            writeEnum(number, field: field, to: &writer)
        case .message(let message):
            writeJSON(message, type: messageType(of: field), to: &writer)
        }
    }

    /// Writes an enum value by name, or by number when the enum declares no such value.
    private func writeEnum(_ number: Int32, field: FieldDescriptor, to writer: inout JSONWriter) {
        if let name = enumType(of: field).nameByNumber[number] {
            writer.string(name)
        } else {
            writer.number(String(number))
        }
    }

    /// Writes a float or double: "NaN", "Infinity" and "-Infinity" as strings, others in the
    /// shortest form that reads back to the same value, without a trailing ".0" ("3", not "3.0").
    ///
    /// - Parameter shortest: Swift's shortest round-tripping text of the value in its own type
    ///   (a float's "0.1" rather than the double's "0.10000000149011612").
    private func writeFloatingPoint(_ value: Double, shortest: String, to writer: inout JSONWriter) {
        if value.isNaN {
            writer.string("NaN")
        } else if value.isInfinite {
            writer.string(value < 0 ? "-Infinity" : "Infinity")
        } else if shortest.hasSuffix(".0") {
            writer.number(String(shortest.dropLast(2)))
        } else {
            writer.number(shortest)
        }
    }
}
