import Foundation

extension Foundation.Date {
    var unixMilliseconds: Int64 { Int64(self.timeIntervalSince1970 * 1000) }
}
