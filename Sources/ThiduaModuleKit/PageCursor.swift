import Foundation

/// Keyset pagination, the same for every listing: a page token is the sort key of the last item
/// served, so pages stay right while rows are added. A page size of 0 means 100; more than 1,000
/// is refused (rule `page.size.max`), and a token this server did not issue too (`page.token`).
public struct PageCursor: Sendable {
    public static let defaultSize = 100
    public static let maxSize = 1000

    /// How many items the page holds.
    public let size: Int
    /// The sort key after which this page starts; nil for the first page.
    public let after: String?
    private let tokenField: String

    /// - Parameter message: the path of the request's `PageRequest` message ("page"), or empty
    ///   when `page_size` and `page_token` are fields of the request itself.
    public init(size pageSize: UInt32, token: String, in message: String = "") throws(RPCError) {
        let prefix = message.isEmpty ? "" : "\(message)."
        let size = pageSize == 0 ? Self.defaultSize : Int(pageSize)
        guard size <= Self.maxSize else {
            throw RPCError(
                .invalidArgument,
                "\(prefix)page_size is \(size); the most allowed is \(Self.maxSize)",
                field: "\(prefix)page_size",
                rule: "page.size.max",
                values: ["limit": "\(Self.maxSize)"]
            )
        }
        self.size = size
        self.tokenField = "\(prefix)page_token"
        if token.isEmpty {
            self.after = nil
        } else {
            guard let data = Data(base64Encoded: token), let key = String(data: data, encoding: .utf8), !key.isEmpty else {
                throw Self.foreignToken(field: self.tokenField)
            }
            self.after = key
        }
    }

    /// The row number after which a listing by row starts; 0 for the first page.
    public func afterRow() throws(RPCError) -> Int64 {
        guard let after = self.after else { return 0 }
        guard let row = Int64(after), row > 0 else { throw Self.foreignToken(field: self.tokenField) }
        return row
    }

    /// One item more than the page holds, to know whether another page follows.
    public var fetchLimit: Int { self.size + 1 }

    /// Cuts the items to the page and makes the next token from the last item served.
    public func finish<Item>(_ items: [Item], key: (Item) throws -> String) rethrows -> (items: [Item], nextToken: String) {
        guard items.count > self.size else { return (items, "") }
        let page = Array(items.prefix(self.size))
        return (page, Data(try key(page[page.count - 1]).utf8).base64EncodedString())
    }

    /// The same, for a listing by row number.
    public func finish<Item>(_ items: [Item], row: (Item) throws -> Int64) rethrows -> (items: [Item], nextToken: String) {
        try self.finish(items, key: { String(try row($0)) })
    }

    private static func foreignToken(field: String) -> RPCError {
        RPCError(.invalidArgument, "\(field) is not a token this server issued", field: field, rule: "page.token")
    }
}
