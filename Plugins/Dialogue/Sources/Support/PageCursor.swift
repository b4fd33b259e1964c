import Foundation
import ThiduaModuleKit

/// Keyset pagination: a page token is the sort key of the last item served, so pages stay correct
/// while rows are added.
struct PageCursor: Sendable {
    let size: Int
    /// The sort key after which this page starts; nil for the first page.
    let after: String?

    static let defaultSize = 100
    static let maxSize = 1000

    init(pageSize: UInt32, pageToken: String) throws(RPCError) {
        let size = pageSize == 0 ? Self.defaultSize : Int(pageSize)
        guard size <= Self.maxSize else {
            throw RPCError(
                .invalidArgument,
                "page_size is \(size); the most allowed is \(Self.maxSize)",
                field: "page_size",
                rule: "dialogue.page_size"
            )
        }
        self.size = size
        if pageToken.isEmpty {
            self.after = nil
        } else {
            guard let data = Data(base64Encoded: pageToken), let key = String(data: data, encoding: .utf8), !key.isEmpty else {
                throw RPCError(.invalidArgument, "page_token is not a token this server issued", field: "page_token", rule: "dialogue.page_token")
            }
            self.after = key
        }
    }

    /// The row number a token of a listing by row carries; 0 for the first page.
    func afterRow() throws(RPCError) -> Int64 {
        guard let after = self.after else { return 0 }
        guard let row = Int64(after) else {
            throw RPCError(.invalidArgument, "page_token is not a token this server issued", field: "page_token", rule: "dialogue.page_token")
        }
        return row
    }

    /// One row more than the page holds, to know whether another page follows.
    var fetchLimit: Int { self.size + 1 }

    /// Cuts the items to the page and makes the next token from the last item served.
    func finish<Item>(_ items: [Item], key: (Item) -> String) -> (items: [Item], nextToken: String) {
        guard items.count > self.size else { return (items, "") }
        let page = Array(items.prefix(self.size))
        return (page, Data(key(page[page.count - 1]).utf8).base64EncodedString())
    }
}
