import Foundation
import ThiduaModuleKit

/// Keyset pagination over row numbers: a page token is the last row served, so pages stay right
/// while rows are added.
struct PageCursor: Sendable {
    let size: Int
    /// The row after which this page starts, in the listing's order; nil for the first page.
    let after: Int64?

    static let defaultSize = 100
    static let maxSize = 1000

    init(size: UInt32, token: String) throws(RPCError) {
        let size = size == 0 ? Self.defaultSize : Int(size)
        guard size <= Self.maxSize else {
            throw RPCError(.invalidArgument, "page_size is \(size); the most allowed is \(Self.maxSize)", field: "page_size", rule: "page.size.max")
        }
        self.size = size
        guard !token.isEmpty else {
            self.after = nil
            return
        }
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8),
            text.hasPrefix("r"), let row = Int64(text.dropFirst())
        else {
            throw RPCError(.invalidArgument, "page_token is not a token this server issued", field: "page_token", rule: "page.token")
        }
        self.after = row
    }

    /// Fetch one more than the page holds, to know whether another page follows.
    var fetchLimit: Int { self.size + 1 }

    /// Cuts the fetched items to the page and makes the next token from the last one served.
    func finish<Item>(_ items: [Item], row: (Item) -> Int64) -> (items: [Item], nextToken: String) {
        guard items.count > self.size else { return (items, "") }
        let page = Array(items.prefix(self.size))
        return (page, Data("r\(row(page[page.count - 1]))".utf8).base64EncodedString())
    }
}
