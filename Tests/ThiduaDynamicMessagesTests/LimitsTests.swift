import Foundation
import Testing
import ThiduaDynamicMessages

/// Nesting limits: hostile input is refused with an error, never a crashed stack.
@Suite("Limits")
struct LimitsTests {
    let codec = Fixtures.testCodec
    static let nested = "thidua.test.v1.AllTypes.Nested"

    /// `{"child": {"child": ... {} ...}}` with `levels` messages in all.
    private func nestedJSON(levels: Int) -> Data {
        Data((String(repeating: #"{"child":"#, count: levels - 1) + "{}" + String(repeating: "}", count: levels - 1)).utf8)
    }

    /// Nested messages, each the `child` (field 2) of the one before, `levels` in all.
    private func nestedBinary(levels: Int) -> Data {
        func varintSize(_ value: Int) -> Int { value < 0x80 ? 1 : 1 + varintSize(value >> 7) }
        // lengths[k]: the size of the k-th innermost message.
        var lengths = [0]
        for _ in 1..<levels { lengths.append(1 + varintSize(lengths.last!) + lengths.last!) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lengths.last!)
        for level in stride(from: levels - 2, through: 0, by: -1) {
            bytes.append(0x12)
            var length = lengths[level]
            while length >= 0x80 {
                bytes.append(UInt8(length & 0x7F) | 0x80)
                length >>= 7
            }
            bytes.append(UInt8(length))
        }
        return Data(bytes)
    }

    private func childPath(_ count: Int) -> String {
        Array(repeating: "child", count: count).joined(separator: ".")
    }

    @Test func jsonNestedOneHundredDeepIsAccepted() throws {
        let binary = try codec.binary(fromJSON: nestedJSON(levels: 100), messageType: Self.nested)
        #expect(binary == nestedBinary(levels: 100))
    }

    @Test func jsonNestedDeeperThanOneHundredIsRefused() {
        let error = dynamicError { _ = try codec.binary(fromJSON: nestedJSON(levels: 101), messageType: Self.nested) }
        #expect(error == DynamicMessageError(path: childPath(100), message: "messages nested more than 100 deep"))
    }

    @Test func binaryNestedOneHundredDeepIsAccepted() throws {
        let json = try codec.json(fromBinary: nestedBinary(levels: 100), messageType: Self.nested)
        #expect(json.components(separatedBy: #""child""#).count - 1 == 99)
    }

    @Test func binaryNestedDeeperThanOneHundredIsRefused() {
        let binary = nestedBinary(levels: 101)
        let error = dynamicError { _ = try codec.json(fromBinary: binary, messageType: Self.nested) }
        // The innermost message is empty, so its content starts at the very end.
        #expect(
            error == DynamicMessageError(path: childPath(100), message: "messages nested more than 100 deep at byte \(binary.count)"))
    }

    @Test func hostileJSONIsRefusedWithoutRecursingDeeply() {
        let error = dynamicError {
            _ = try codec.binary(fromJSON: Data(String(repeating: "[", count: 100_000).utf8), messageType: Self.nested)
        }
        #expect(error == DynamicMessageError(message: "invalid JSON at byte 201: objects and arrays nested more than 201 deep"))
    }

    @Test func hostileBinaryIsRefusedWithoutRecursingDeeply() {
        let messages = dynamicError { _ = try codec.json(fromBinary: nestedBinary(levels: 100_000), messageType: Self.nested) }
        #expect(messages?.message.hasPrefix("messages nested more than 100 deep") == true)

        // Unknown field 99, start-group tags only.
        let groups = Data(Array(repeating: [0x9B, 0x06] as [UInt8], count: 100_000).joined())
        let groupError = dynamicError { _ = try codec.json(fromBinary: groups, messageType: Self.nested) }
        #expect(groupError == DynamicMessageError(message: "groups nested more than 100 deep at byte 198"))
    }
}
