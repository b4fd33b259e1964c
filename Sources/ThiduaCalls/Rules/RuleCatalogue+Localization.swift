import ThiduaWire

extension RuleCatalogue {
    /// The refusal as a client reading `language` is shown it.
    ///
    /// English is the server's own text, unchanged. In another language each detail whose rule is
    /// declared gets the rule's message with the detail's values filled in; the status message is
    /// that of the first such detail (saying how many more reasons there are, when there are), or
    /// the status code's summary when no detail has one. A detail whose values lack a parameter of
    /// its message keeps the English text.
    public func localized(_ error: RPCError, in language: Language) -> RPCError {
        guard language != .english else { return error }
        var localized = error
        var message: String?
        for index in localized.details.indices {
            let detail = localized.details[index]
            guard let rule = self[detail.rule], let text = rule.message(in: language).render(detail.values) else { continue }
            localized.details[index].description_p = text
            message = message ?? text
        }
        let others = error.details.count - 1
        localized.message = message.map { others > 0 ? "\($0) \(Self.more(others, in: language))" : $0 } ?? error.code.summary(in: language)
        return localized
    }

    /// "(and 2 more)", after the first of several reasons.
    private static func more(_ count: Int, in language: Language) -> String {
        switch language {
        case .english: "(and \(count) more)"
        case .vietnamese: "(và \(count) lỗi khác)"
        }
    }
}
