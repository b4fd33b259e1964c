import Foundation
import SwiftProtobuf
import ThiduaWire

/// Checks an encoded request before it is decoded, in one pass over its bytes guided by the
/// method's input descriptor. The same rules hold for the core and every module:
/// - the request is within its method's ``RequestLimits``: bytes, items in each repeated field,
///   items in all;
/// - no text field holds a control character (tab, line feed and carriage return are text);
/// - every text field is in Unicode NFC: a name typed in decomposed form (as macOS produces) is
///   rewritten to its composed form, so the same name typed anywhere is stored the same way.
///
/// Bytes it cannot read as a message (truncated, a group, nested more than 100 deep) are
/// refused with `payload.decode`: what the screen has not read, no method sees.
struct RequestScreen: Sendable {
    private let plans: [MessagePlan]
    private let limits: RequestLimits
    private let inputType: String

    /// How deep messages may nest, as SwiftProtobuf's decoder allows.
    static let maxDepth = 100

    init(inputType: String, limits: RequestLimits, catalog: DescriptorCatalog) {
        var builder = PlanBuilder(messageTypes: catalog.messageTypes)
        _ = builder.plan(for: inputType)
        self.plans = builder.plans
        self.limits = limits
        self.inputType = inputType
    }

    /// Refuses a request that breaks a rule, with the field's path; rewrites its text to NFC
    /// where needed.
    func apply(to payload: inout Data) throws(RPCError) {
        guard payload.count <= self.limits.maxBytes else {
            throw RPCError(
                .resourceExhausted,
                "the request of \(payload.count) bytes exceeds this method's limit of \(self.limits.maxBytes) bytes",
                field: "",
                rule: "request.max_bytes",
                values: ["bytes": "\(payload.count)", "limit": "\(self.limits.maxBytes)"]
            )
        }
        guard !self.plans.isEmpty else { return }
        var scan = Scan(limits: self.limits)
        // `withUnsafeBytes` rethrows untyped errors: carry the refusal out as a value.
        let outcome = payload.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Result<Bool, RPCError> in
            var reader = WireReader(bytes)
            return Result { () throws(RPCError) in try scan.message(&reader, plan: 0, plans: self.plans, depth: 0, path: { "" }) }
        }
        guard try outcome.get() else {
            throw RPCError(
                .invalidArgument,
                "the payload is not a well-formed \(self.inputType): a field is truncated or malformed, a group "
                    + "(which no thidua message has) or messages nested more than \(Self.maxDepth) deep",
                field: "payload",
                rule: "payload.decode"
            )
        }
        if scan.needsNormalising {
            payload = payload.withUnsafeBytes { bytes in
                var reader = WireReader(bytes)
                var out: [UInt8] = []
                out.reserveCapacity(bytes.count)
                Self.normalise(&reader, plan: 0, plans: self.plans, into: &out)
                return Data(out)
            }
        }
    }

    /// Copies a well-formed message, with every string field in NFC and the lengths around them
    /// written anew.
    private static func normalise(_ reader: inout WireReader, plan: Int, plans: [MessagePlan], into out: inout [UInt8]) {
        while let (number, wireType) = reader.key() {
            let start = reader.offset
            let field = plans[plan].fields[number]
            guard wireType == 2, let field, field.kind == .string || field.kind.messagePlan != nil else {
                _ = reader.skip(wireType: wireType)
                WireReader.appendVarint(UInt64(number) << 3 | UInt64(wireType), to: &out)
                out.append(contentsOf: reader.bytes[start..<reader.offset])
                continue
            }
            var value = reader.lengthDelimited()!
            var body: [UInt8] = []
            if let child = field.kind.messagePlan {
                normalise(&value, plan: child, plans: plans, into: &body)
            } else {
                let text = String(decoding: value.bytes, as: UTF8.self)
                body = Array(text.precomposedStringWithCanonicalMapping.utf8)
            }
            WireReader.appendVarint(UInt64(number) << 3 | 2, to: &out)
            WireReader.appendVarint(UInt64(body.count), to: &out)
            out.append(contentsOf: body)
        }
    }
}

// MARK: The pass over the bytes

private struct Scan {
    let limits: RequestLimits
    var items = 0
    var needsNormalising = false

    init(limits: RequestLimits) {
        self.limits = limits
    }

    /// Checks one message; false when its bytes are not well formed.
    mutating func message(
        _ reader: inout WireReader,
        plan: Int,
        plans: [MessagePlan],
        depth: Int,
        path: () -> String
    ) throws(RPCError) -> Bool {
        guard depth <= RequestScreen.maxDepth else { return false }
        let fields = plans[plan].fields
        // Items seen so far in each repeated field of this message: few fields, so a short list.
        var counts: [(number: Int32, count: Int)] = []
        while let (number, wireType) = reader.key() {
            guard let field = fields[number] else {
                guard reader.skip(wireType: wireType) else { return false }
                continue
            }
            var added = 1
            var index = 0
            if field.isRepeated {
                if let slot = counts.firstIndex(where: { $0.number == number }) {
                    index = counts[slot].count
                } else {
                    counts.append((number, 0))
                }
            }
            if wireType == 2 {
                guard var value = reader.lengthDelimited() else { return false }
                switch field.kind {
                case .string:
                    guard try self.text(value.bytes, path: { Self.join(path(), field, field.isRepeated ? index : nil) }) else { return false }
                case .message(let child):
                    let wellFormed = try self.message(&value, plan: child, plans: plans, depth: depth + 1, path: {
                        Self.join(path(), field, field.isRepeated ? index : nil)
                    })
                    guard wellFormed else { return false }
                case .packedVarint:
                    added = value.bytes.reduce(0) { $0 + ($1 < 0x80 ? 1 : 0) }
                case .packed(let width):
                    added = value.bytes.count / width
                case .other:
                    break
                }
            } else {
                guard reader.skip(wireType: wireType) else { return false }
            }
            guard field.isRepeated else { continue }
            let slot = counts.firstIndex(where: { $0.number == number })!
            counts[slot].count += added
            self.items += added
            if counts[slot].count > self.limits.maxItemsPerField {
                let name = Self.join(path(), field, nil)
                throw RPCError(
                    .invalidArgument,
                    "\(name) holds more than \(self.limits.maxItemsPerField) items, the most allowed",
                    field: name,
                    rule: "field.max_items",
                    values: ["limit": "\(self.limits.maxItemsPerField)"]
                )
            }
            if self.items > self.limits.maxItems {
                throw RPCError(
                    .resourceExhausted,
                    "the request holds more than \(self.limits.maxItems) repeated items, the most this method allows",
                    field: "",
                    rule: "request.max_items",
                    values: ["limit": "\(self.limits.maxItems)"]
                )
            }
        }
        return reader.isAtEnd
    }

    /// The most bytes one text field may hold: several times the longest text any method takes,
    /// and a bound on the cost of normalising it (Foundation's NFC grows faster than the text).
    static let maxTextBytes = 32 * 1024

    /// Checks one string field's UTF-8; false when it is not valid UTF-8.
    private mutating func text(_ bytes: UnsafeRawBufferPointer, path: () -> String) throws(RPCError) -> Bool {
        guard bytes.count <= Self.maxTextBytes else {
            let name = path()
            throw RPCError(
                .invalidArgument,
                "\(name) holds \(bytes.count) bytes of text; no text field takes more than \(Self.maxTextBytes)",
                field: name,
                rule: "field.max_bytes",
                values: ["bytes": "\(bytes.count)", "limit": "\(Self.maxTextBytes)"]
            )
        }
        var ascii = true
        var previous: UInt8 = 0
        for (offset, byte) in bytes.enumerated() {
            let control: UInt32?
            switch byte {
            case 0x09, 0x0A, 0x0D: control = nil
            case 0x00...0x1F, 0x7F: control = UInt32(byte)
            case 0x80...0x9F where previous == 0xC2: control = UInt32(byte)
            default: control = nil
            }
            if let control {
                let name = path()
                let hex = String(control, radix: 16, uppercase: true)
                let character = "U+" + String(repeating: "0", count: 4 - hex.count) + hex
                throw RPCError(
                    .invalidArgument,
                    "\(name) holds the control character \(character) at byte \(offset); text may hold tabs and line breaks but no other control character",
                    field: name,
                    rule: "field.control_character"
                )
            }
            if byte >= 0x80 { ascii = false }
            previous = byte
        }
        guard !ascii else { return true }
        guard let text = String(validating: bytes, as: UTF8.self) else { return false }
        if !self.needsNormalising && Self.mayNeedNormalising(text)
            && !text.utf8.elementsEqual(text.precomposedStringWithCanonicalMapping.utf8)
        {
            self.needsNormalising = true
        }
        return true
    }

    /// False for text whose every character is one NFC leaves as it is: below U+0300 (no
    /// combining marks), Vietnamese's precomposed letters (U+1E00–U+1EFF), common punctuation
    /// (U+2010–U+2027) and the đồng sign. Only other text is measured against its NFC form.
    static func mayNeedNormalising(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x300, 0x1E00...0x1EFF, 0x2010...0x2027, 0x20AB: continue
            default: return true
            }
        }
        return false
    }

    static func join(_ parent: String, _ field: FieldPlan, _ index: Int?) -> String {
        let own = index.map { "\(field.name)[\($0)]" } ?? field.name
        return parent.isEmpty ? own : "\(parent).\(own)"
    }
}

// MARK: Plans

/// What the screen needs to know of one field.
private struct FieldPlan: Sendable {
    enum Kind: Sendable, Equatable {
        case string
        /// A message field, with its plan's index.
        case message(Int)
        /// A repeated scalar written as varints when packed.
        case packedVarint
        /// A repeated scalar of fixed width when packed.
        case packed(width: Int)
        case other

        var messagePlan: Int? {
            if case .message(let index) = self { index } else { nil }
        }
    }

    let name: String
    let kind: Kind
    let isRepeated: Bool
}

/// The fields of one message type, by number.
private struct MessagePlan: Sendable {
    var fields: [Int32: FieldPlan] = [:]
}

/// Builds the plans of a message type and of every message type it holds, once each.
private struct PlanBuilder {
    let messageTypes: [String: Google_Protobuf_DescriptorProto]
    var plans: [MessagePlan] = []
    var indexByName: [String: Int] = [:]

    init(messageTypes: [String: Google_Protobuf_DescriptorProto]) {
        self.messageTypes = messageTypes
    }

    mutating func plan(for typeName: String) -> Int? {
        if let index = self.indexByName[typeName] { return index }
        guard let descriptor = self.messageTypes[typeName] else { return nil }
        let index = self.plans.count
        self.indexByName[typeName] = index
        self.plans.append(MessagePlan())
        var plan = MessagePlan()
        for field in descriptor.field {
            let kind: FieldPlan.Kind
            switch field.type {
            case .string: kind = .string
            case .message: kind = self.plan(for: String(field.typeName.dropFirst())).map { .message($0) } ?? .other
            case .int32, .int64, .uint32, .uint64, .sint32, .sint64, .bool, .enum: kind = .packedVarint
            case .fixed32, .sfixed32, .float: kind = .packed(width: 4)
            case .fixed64, .sfixed64, .double: kind = .packed(width: 8)
            default: kind = .other
            }
            plan.fields[field.number] = FieldPlan(name: field.name, kind: kind, isRepeated: field.label == .repeated)
        }
        self.plans[index] = plan
        return index
    }
}

// MARK: Reading the wire format

/// Reads protobuf's wire format from a buffer; every method returns nil or false on bytes that
/// are not well formed, leaving the refusal to the decoder.
private struct WireReader {
    let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { self.offset == self.bytes.count }

    mutating func varint() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while self.offset < self.bytes.count, shift < 64 {
            let byte = self.bytes[self.offset]
            self.offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    /// The next field's number and wire type; nil at the end or on a malformed key.
    mutating func key() -> (Int32, Int)? {
        guard !self.isAtEnd, let key = self.varint(), key >> 3 > 0, key >> 3 <= UInt64(Int32.max) else { return nil }
        return (Int32(key >> 3), Int(key & 7))
    }

    mutating func lengthDelimited() -> WireReader? {
        guard let length = self.varint(), length <= UInt64(self.bytes.count - self.offset) else { return nil }
        let start = self.offset
        self.offset += Int(length)
        return WireReader(UnsafeRawBufferPointer(rebasing: self.bytes[start..<self.offset]))
    }

    mutating func skip(wireType: Int) -> Bool {
        switch wireType {
        case 0: return self.varint() != nil
        case 1: return self.advance(8)
        case 2: return self.lengthDelimited() != nil
        case 5: return self.advance(4)
        default: return false
        }
    }

    private mutating func advance(_ count: Int) -> Bool {
        guard self.bytes.count - self.offset >= count else { return false }
        self.offset += count
        return true
    }

    static func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            out.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
    }
}
