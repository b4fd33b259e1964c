/// JSON → binary for single values of scalar and enum fields.
extension DynamicMessageCodec {
    /// Converts a JSON value to the binary form of one value of a scalar or enum field.
    func wireScalar(
        for field: FieldDescriptor, from value: JSONValue, path: String
    ) throws(DynamicMessageError) -> WireScalar {
        switch field.kind {
        case .int32:
            return .varint(UInt64(bitPattern: try signedInteger(value, bits: 32, field: field, path: path)))
        case .int64:
            return .varint(UInt64(bitPattern: try signedInteger(value, bits: 64, field: field, path: path)))
        case .uint32, .uint64:
            let bits = field.kind == .uint32 ? 32 : 64
            return .varint(try unsignedInteger(value, bits: bits, field: field, path: path))
        case .sint32:
            let number = Int32(try signedInteger(value, bits: 32, field: field, path: path))
            return .varint(UInt64(UInt32(bitPattern: (number << 1) ^ (number >> 31))))
        case .sint64:
            let number = try signedInteger(value, bits: 64, field: field, path: path)
            return .varint(UInt64(bitPattern: (number << 1) ^ (number >> 63)))
        case .fixed32:
            return .fixed32(UInt32(try unsignedInteger(value, bits: 32, field: field, path: path)))
        case .fixed64:
            return .fixed64(try unsignedInteger(value, bits: 64, field: field, path: path))
        case .sfixed32:
            let number = Int32(try signedInteger(value, bits: 32, field: field, path: path))
            return .fixed32(UInt32(bitPattern: number))
        case .sfixed64:
            return .fixed64(UInt64(bitPattern: try signedInteger(value, bits: 64, field: field, path: path)))
        case .float:
            return .fixed32(try floatValue(value, field: field, path: path).bitPattern)
        case .double:
            return .fixed64(try doubleValue(value, field: field, path: path).bitPattern)
        case .bool:
            guard case .bool(let flag) = value else {
                throw mismatch(value, expected: "true or false", field: field, path: path)
            }
            return .varint(flag ? 1 : 0)
        case .string:
            guard case .string(let text) = value else {
                throw mismatch(value, expected: "a string", field: field, path: path)
            }
            return .lengthDelimited(Array(text.utf8))
        case .bytes:
            guard case .string(let text) = value else {
                throw mismatch(value, expected: "a base64 string", field: field, path: path)
            }
            guard let decoded = Base64.decode(text) else {
                throw DynamicMessageError(
                    path: path, message: "\(value.excerpt) is not valid base64 for a bytes field")
            }
            return .lengthDelimited(decoded)
        case .enumeration:
            return .varint(UInt64(bitPattern: Int64(try enumNumber(value, field: field, path: path))))
        case .message, .group:
            preconditionFailure("message fields are not scalars")
        }
    }

    /// Converts a JSON object key to the binary form of a map key.
    func mapKeyScalar(
        _ key: String, field: FieldDescriptor, path: String
    ) throws(DynamicMessageError) -> WireScalar {
        switch field.kind {
        case .string:
            return .lengthDelimited(Array(key.utf8))
        case .bool:
            switch key {
            case "true": return .varint(1)
            case "false": return .varint(0)
            default:
                throw DynamicMessageError(
                    path: path, message: "map key \(JSONWriter.quoted(key)) is not \"true\" or \"false\"")
            }
        default:
            // Integer keys are written as decimal strings; convert them as quoted integers.
            return try wireScalar(for: field, from: .string(key), path: path)
        }
    }

    // MARK: Numbers

    private func integerLiteral(
        _ value: JSONValue, field: FieldDescriptor, path: String
    ) throws(DynamicMessageError) -> (literal: IntegerLiteral, text: String) {
        let text: String
        switch value {
        case .number(let literal): text = literal
        case .string(let literal): text = literal
        default:
            throw mismatch(value, expected: "an integer (a number or a decimal string)", field: field, path: path)
        }
        do {
            return (try IntegerLiteral(text), text)
        } catch {
            throw integerFailure(error, value: value, field: field, path: path)
        }
    }

    private func signedInteger(
        _ value: JSONValue, bits: Int, field: FieldDescriptor, path: String
    ) throws(DynamicMessageError) -> Int64 {
        let (literal, _) = try integerLiteral(value, field: field, path: path)
        do {
            return try literal.signed(bits: bits)
        } catch {
            throw integerFailure(error, value: value, field: field, path: path)
        }
    }

    private func unsignedInteger(
        _ value: JSONValue, bits: Int, field: FieldDescriptor, path: String
    ) throws(DynamicMessageError) -> UInt64 {
        let (literal, _) = try integerLiteral(value, field: field, path: path)
        do {
            return try literal.unsigned(bits: bits)
        } catch {
            throw integerFailure(error, value: value, field: field, path: path)
        }
    }

    private func integerFailure(
        _ failure: IntegerLiteral.Failure, value: JSONValue, field: FieldDescriptor, path: String
    ) -> DynamicMessageError {
        let kind = field.kind == .enumeration ? "a number of enum \(field.typeName)" : field.kindPhrase
        let message =
            switch failure {
            case .malformed: "\(value.excerpt) is not a valid integer for \(kind)"
            case .fractional: "\(value.excerpt) is not an integer, as \(kind) requires"
            case .outOfRange: "\(value.excerpt) is out of range for \(kind)"
            }
        return DynamicMessageError(path: path, message: message)
    }

    /// The text of a floating-point value, or the special value a string names.
    private enum FloatingText {
        case special(Double)
        case literal(String)
    }

    private func floatingText(
        _ value: JSONValue, field: FieldDescriptor, path: String
    ) throws(DynamicMessageError) -> FloatingText {
        switch value {
        case .number(let text):
            return .literal(text)
        case .string("NaN"):
            return .special(.nan)
        case .string("Infinity"):
            return .special(.infinity)
        case .string("-Infinity"):
            return .special(-.infinity)
        case .string(let text) where JSONParser.isNumberLiteral(text):
            return .literal(text)
        case .string:
            throw DynamicMessageError(
                path: path,
                message: "\(value.excerpt) is not a number, \"NaN\", \"Infinity\" or \"-Infinity\" "
                    + "for \(field.kindPhrase)")
        default:
            throw mismatch(value, expected: "a number", field: field, path: path)
        }
    }

    private func doubleValue(
        _ value: JSONValue, field: FieldDescriptor, path: String
    ) throws(DynamicMessageError) -> Double {
        switch try floatingText(value, field: field, path: path) {
        case .special(let special):
            return special
        case .literal(let text):
            guard let number = Double(text), number.isFinite else {
                throw DynamicMessageError(
                    path: path, message: "\(value.excerpt) is out of range for a double field")
            }
            return number
        }
    }

    private func floatValue(
        _ value: JSONValue, field: FieldDescriptor, path: String
    ) throws(DynamicMessageError) -> Float {
        switch try floatingText(value, field: field, path: path) {
        case .special(let special):
            return Float(special)
        case .literal(let text):
            guard let number = Float(text), number.isFinite else {
                throw DynamicMessageError(
                    path: path, message: "\(value.excerpt) is out of range for a float field")
            }
            return number
        }
    }

    // MARK: Enums

    private func enumNumber(
        _ value: JSONValue, field: FieldDescriptor, path: String
    ) throws(DynamicMessageError) -> Int32 {
        let type = enumType(of: field)
        switch value {
        case .string(let name):
            guard let number = type.numberByName[name] else {
                throw DynamicMessageError(
                    path: path, message: "\(value.excerpt) is not a value of enum \(type.fullName)")
            }
            return number
        case .number:
            let (literal, text) = try integerLiteral(value, field: field, path: path)
            let number: Int32
            do {
                number = Int32(try literal.signed(bits: 32))
            } catch {
                throw integerFailure(error, value: value, field: field, path: path)
            }
            if type.isClosed, type.nameByNumber[number] == nil {
                throw DynamicMessageError(
                    path: path, message: "\(text) is not a value of enum \(type.fullName)")
            }
            return number
        default:
            throw mismatch(value, expected: "a value name or number", field: field, path: path)
        }
    }

    // MARK: Errors

    private func mismatch(
        _ value: JSONValue, expected: String, field: FieldDescriptor, path: String
    ) -> DynamicMessageError {
        DynamicMessageError(
            path: path,
            message: "expected \(expected) for \(field.kindPhrase), got \(value.kindDescription)")
    }
}
