import Foundation
import ThiduaModuleKit

/// Keyset pagination over row ids: a page token is the id of the last row served, so pages stay
/// correct while rows are added.
struct PageCursor {
    static let defaultSize = 100
    static let maxSize = 1000

    let size: Int
    /// The row after which this page starts; 0 for the first page.
    let afterRow: Int64

    init(pageSize: UInt32, pageToken: String) throws(RPCError) {
        let size = pageSize == 0 ? Self.defaultSize : Int(pageSize)
        guard size <= Self.maxSize else {
            throw RPCError(
                .invalidArgument,
                "page_size is \(size); the most allowed is \(Self.maxSize)",
                field: "page_size",
                rule: "green_clean.page_size"
            )
        }
        self.size = size
        if pageToken.isEmpty {
            self.afterRow = 0
        } else {
            guard let data = Data(base64Encoded: pageToken), let text = String(data: data, encoding: .utf8),
                text.hasPrefix("after:"), let row = Int64(text.dropFirst("after:".count)), row > 0
            else {
                throw RPCError(
                    .invalidArgument,
                    "page_token is not a token this server issued",
                    field: "page_token",
                    rule: "green_clean.page_token"
                )
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
        return (items, Data("after:\(row(items[items.count - 1]))".utf8).base64EncodedString())
    }
}
