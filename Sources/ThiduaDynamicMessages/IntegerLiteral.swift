/// An integer written as a JSON number literal, decoded exactly: "9007199254740993", "-5", "1e3"
/// and "2.0" denote integers, "1.5" and "1e-1" do not.
struct IntegerLiteral {
    /// Why a literal does not denote an integer of the wanted type.
    enum Failure: Error {
        /// The literal does not follow the JSON number grammar.
        case malformed
        /// The literal has a non-zero fractional part.
        case fractional
        /// The literal is an integer too large (or too small) for the type.
        case outOfRange
    }

    /// Whether the value is below zero. "-0" is not.
    var isNegative: Bool
    /// The absolute value.
    var magnitude: UInt64

    /// Decodes a JSON number literal.
    init(_ text: String) throws(Failure) {
        let utf8 = Array(text.utf8)
        guard JSONParser.numberEnd(in: utf8, from: 0) == utf8.count else { throw .malformed }
        var index = 0
        let negative = utf8.first == UInt8(ascii: "-")
        if negative { index += 1 }

        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var digits: [UInt8] = []
        while index < utf8.count, isDigit(utf8[index]) {
            digits.append(utf8[index])
            index += 1
        }
        var fractionLength = 0
        if index < utf8.count, utf8[index] == UInt8(ascii: ".") {
            index += 1
            while index < utf8.count, isDigit(utf8[index]) {
                digits.append(utf8[index])
                fractionLength += 1
                index += 1
            }
        }
        // The exponent, clamped: beyond ±100000 the answer no longer depends on its exact value.
        var exponent = 0
        if index < utf8.count {
            index += 1
            var exponentNegative = false
            if utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") {
                exponentNegative = utf8[index] == UInt8(ascii: "-")
                index += 1
            }
            while index < utf8.count {
                exponent = min(exponent * 10 + Int(utf8[index] - UInt8(ascii: "0")), 100_000)
                index += 1
            }
            if exponentNegative { exponent = -exponent }
        }
        exponent -= fractionLength

        // The value is digits × 10^exponent. Leading zeros say nothing; trailing zeros cancel a
        // negative exponent.
        if let firstNonZero = digits.firstIndex(where: { $0 != UInt8(ascii: "0") }) {
            digits.removeFirst(firstNonZero)
        } else {
            digits = []
        }
        if digits.isEmpty {
            self.isNegative = false
            self.magnitude = 0
            return
        }
        while exponent < 0, digits.last == UInt8(ascii: "0") {
            digits.removeLast()
            exponent += 1
        }
        if exponent < 0 { throw .fractional }
        if digits.count + exponent > 20 { throw .outOfRange }
        digits.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: exponent))

        var value: UInt64 = 0
        for digit in digits {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
            if overflow1 || overflow2 { throw .outOfRange }
            value = sum
        }
        self.isNegative = negative
        self.magnitude = value
    }

    /// The value as a signed integer of `bits` bits (32 or 64), widened to `Int64`.
    func signed(bits: Int) throws(Failure) -> Int64 {
        let limit = UInt64(1) << UInt64(bits - 1)
        if isNegative {
            guard magnitude <= limit else { throw .outOfRange }
            return magnitude == limit ? -Int64(limit - 1) - 1 : -Int64(magnitude)
        }
        guard magnitude < limit else { throw .outOfRange }
        return Int64(magnitude)
    }

    /// The value as an unsigned integer of `bits` bits (32 or 64), widened to `UInt64`.
    func unsigned(bits: Int) throws(Failure) -> UInt64 {
        guard !isNegative else { throw .outOfRange }
        guard bits == 64 || magnitude < UInt64(1) << UInt64(bits) else { throw .outOfRange }
        return magnitude
    }
}
