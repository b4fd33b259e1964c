import ThiduaWire

extension RuleCatalogue {
    /// The refusal as a client reading `language` is shown it.
    ///
    /// English is the server's own text, unchanged. In another language each detail whose rule is
    /// declared gets the rule's message with the detail's values filled in; the status message is
    /// that of the first such detail, or the status code's summary when no detail has one. A
    /// detail whose values lack a parameter of its message keeps the English text.
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
        localized.message = message ?? error.code.summary(in: language)
        return localized
    }
}
