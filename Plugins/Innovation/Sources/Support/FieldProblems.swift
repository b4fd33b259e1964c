import ThiduaModuleKit

/// Collects every problem of a request's fields, so one refusal names them all; the first one
/// leads the message.
struct FieldProblems {
    private(set) var details: [ErrorDetail] = []

    /// At most this many are reported.
    static let limit = 100

    var isEmpty: Bool { self.details.isEmpty }

    mutating func add(_ field: String, rule: String, _ message: String) {
        guard self.details.count < Self.limit else { return }
        self.details.append(ErrorDetail(field: field, rule: rule, description: message))
    }

    /// Adds the details of an error thrown by a single-field check.
    mutating func add(_ error: RPCError) {
        for detail in error.details {
            self.add(detail.field, rule: detail.rule, detail.description_p)
        }
    }

    /// Throws INVALID_ARGUMENT with every problem, if there is any.
    func check() throws(RPCError) {
        guard let first = self.details.first else { return }
        let more = self.details.count > 1 ? " (and \(self.details.count - 1) more problems)" : ""
        throw RPCError(.invalidArgument, first.description_p + more, details: self.details)
    }
}
