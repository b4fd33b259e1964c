/// What one request of a method may hold, checked on the encoded message before it is decoded, so
/// a small frame cannot decode into a large amount of memory.
public struct RequestLimits: Sendable, Hashable {
    /// The largest encoded request message, in bytes; never more than the server's frame limit.
    public var maxBytes: Int
    /// The most elements in any one repeated (or map) field, at any depth.
    public var maxItemsPerField: Int
    /// The most repeated elements in the whole request, all fields and depths together.
    public var maxItems: Int

    public init(maxBytes: Int, maxItemsPerField: Int, maxItems: Int) {
        self.maxBytes = maxBytes
        self.maxItemsPerField = maxItemsPerField
        self.maxItems = maxItems
    }

    /// Every method's limits unless it declares others: enough for any form a person fills in.
    public static let standard = RequestLimits(maxBytes: 256 * 1024, maxItemsPerField: 1_000, maxItems: 10_000)

    /// For methods that carry a file or a whole register at once: up to the frame limit.
    public static let bulk = RequestLimits(maxBytes: Int(Int32.max), maxItemsPerField: 10_000, maxItems: 100_000)
}
