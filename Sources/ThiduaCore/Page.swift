import Foundation
import ThiduaModuleKit

/// Keyset pagination: a page token is the sort key of the last item served, so pages stay
/// correct while rows are added.
struct Page {
    let size: Int
    /// The sort key after which this page starts; nil for the first page.
    let after: String?

    static let defaultSize = 100
    static let maxSize = 1000

    init(_ request: PageRequest, field: String = "page") throws(RPCError) {
        let size = request.pageSize == 0 ? Self.defaultSize : Int(request.pageSize)
        guard size <= Self.maxSize else {
            throw RPCError(
                .invalidArgument,
                "\(field).page_size is \(size); the most allowed is \(Self.maxSize)",
                field: "\(field).page_size",
                rule: "page.size.max"
            )
        }
        self.size = size
        if request.pageToken.isEmpty {
            self.after = nil
        } else {
            guard let data = Data(base64Encoded: request.pageToken), let key = String(data: data, encoding: .utf8) else {
                throw RPCError(
                    .invalidArgument,
                    "\(field).page_token is not a token this server issued",
                    field: "\(field).page_token",
                    rule: "page.token"
                )
            }
            self.after = key
        }
    }

    /// Fetch one row more than the page holds, to know whether another page follows.
    var fetchLimit: Int { self.size + 1 }

    /// Cuts the fetched rows to the page and makes the next token from the last row served.
    func finish<Item>(_ rows: [Item], key: (Item) -> String) -> (items: [Item], nextToken: String) {
        guard rows.count > self.size else { return (rows, "") }
        let items = Array(rows.prefix(self.size))
        return (items, Data(key(items[items.count - 1]).utf8).base64EncodedString())
    }
}
