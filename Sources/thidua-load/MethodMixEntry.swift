import Foundation
import ThiduaWire

/// One method of the load with its weight and JSON request template, from `--mix` or from
/// `--method` and `--data`.
struct MethodMixEntry: Equatable, Sendable {
    let method: String
    let weight: Int
    /// The request message in protobuf JSON, turned into binary through reflection.
    let json: String

    init(method: String, weight: Int, json: String) {
        self.method = method
        self.weight = weight
        self.json = json
    }

    /// Parses `WEIGHT:METHOD` or `WEIGHT:METHOD:JSON`, such as
    /// `3:thidua.host.v1.Echo/Unary:{"payload":"AA=="}`. Method paths hold no ':', so everything
    /// after the second one is the JSON.
    init(parsing text: String) throws(LoadError) {
        let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, let weight = Int(parts[0]), weight > 0 else {
            throw .usage("a --mix entry reads WEIGHT:METHOD[:JSON] with a positive weight; got \"\(text)\"")
        }
        try Self.checkPath(parts[1])
        self.init(method: parts[1], weight: weight, json: parts.count == 3 ? parts[2] : "{}")
    }

    /// Checks that `path` reads "package.Service/Method".
    static func checkPath(_ path: String) throws(LoadError) {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex, path.index(after: slash) != path.endIndex,
              path[..<slash].contains(".")
        else {
            throw .usage("a method is named package.Service/Method, such as \(Methods.Host.Echo.unary.path); got \"\(path)\"")
        }
    }

    /// "package.Service".
    var service: String { String(self.method[..<self.method.lastIndex(of: "/")!]) }
    /// "Method".
    var methodName: String { String(self.method[self.method.index(after: self.method.lastIndex(of: "/")!)...]) }
}
