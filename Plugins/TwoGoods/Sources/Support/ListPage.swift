import Foundation
import ThiduaModuleKit

/// Keyset pagination over row ids: the token is the id of the last item served, so pages stay
/// correct while rows are added.
struct ListPage {
    let size: Int
    /// The row after which this page starts; 0 for the first page.
    let afterRow: Int64

    static let defaultSize = 100
    static let maxSize = 1000

    init(size: UInt32, token: String) throws(RPCError) {
        let size = size == 0 ? Self.defaultSize : Int(size)
        guard size <= Self.maxSize else {
            throw RPCError(.invalidArgument, "page_size is \(size); the most allowed is \(Self.maxSize)", field: "page_size", rule: "page.size.max")
        }
        self.size = size
        if token.isEmpty {
            self.afterRow = 0
        } else {
            guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8),
                let row = Int64(text), row > 0
            else {
                throw RPCError(.invalidArgument, "page_token is not a token this server issued", field: "page_token", rule: "page.token")
            }
            self.afterRow = row
        }
    }

    /// Fetch one row more than the page holds, to know whether another page follows.
    var fetchLimit: Int { self.size + 1 }

    /// Cuts the fetched rows to the page and makes the next token from the last row served.
    func finish<Item>(_ rows: [Item], row: (Item) -> Int64) -> (items: [Item], nextToken: String) {
        guard rows.count > self.size else { return (rows, "") }
        let items = Array(rows.prefix(self.size))
        return (items, Data(String(row(items[items.count - 1])).utf8).base64EncodedString())
    }
}
