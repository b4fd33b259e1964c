/// Parses durations such as "2ms", "500us", "1.5s", "250µs", "800ns" into nanoseconds, and prints
/// nanoseconds back in the most readable unit.
enum TimeValue {
    /// Nanoseconds in `text`, or nil when it is not a positive number followed by ns, us, µs, ms or s.
    static func nanoseconds(_ text: String) -> UInt64? {
        let units: [(suffix: String, scale: Double)] = [
            ("ns", 1), ("us", 1e3), ("µs", 1e3), ("ms", 1e6), ("s", 1e9),
        ]
        for unit in units where text.hasSuffix(unit.suffix) {
            let number = text.dropLast(unit.suffix.count)
            // "ms" also ends in "s": take the longest suffix whose remainder is a number.
            guard let value = Double(number), value >= 0, value.isFinite else { continue }
            return UInt64((value * unit.scale).rounded())
        }
        return nil
    }

    /// Seconds in `text`: a bare number is seconds; a unit suffix is honoured.
    static func seconds(_ text: String) -> Double? {
        if let plain = Double(text), plain >= 0 { return plain }
        return nanoseconds(text).map { Double($0) / 1e9 }
    }

    /// A human rendering: "812 ns", "96.4 µs", "1.23 ms", "2.00 s".
    static func describe(nanoseconds value: Double) -> String {
        switch value {
        case ..<1_000: return "\(format(value, 0)) ns"
        case ..<1_000_000: return "\(format(value / 1e3, value < 100_000 ? 1 : 0)) µs"
        case ..<1_000_000_000: return "\(format(value / 1e6, 2)) ms"
        default: return "\(format(value / 1e9, 2)) s"
        }
    }
}

/// `value` with `decimals` digits after the point.
func format(_ value: Double, _ decimals: Int) -> String {
    guard value.isFinite else { return "\(value)" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    if decimals == 0 { return "\(Int64(rounded))" }
    let whole = Int64(rounded.magnitude)
    let fraction = Int64(((rounded.magnitude - Double(whole)) * scale).rounded())
    let digits = String(fraction)
    let padded = String(repeating: "0", count: max(0, decimals - digits.count)) + digits
    return (rounded < 0 ? "-" : "") + "\(whole).\(padded)"
}
