import InnovationAPI
import ThiduaModuleKit

/// One author as filed: who, with which share and worker category.
struct AuthorShare: Sendable, Equatable {
    var memberID: String
    var sharePercent: Int
    var category: WorkerCategory
}

/// What an initiative says about itself, checked field by field; the same checks serve filing,
/// updating and importing.
struct InitiativeContent: Sendable, Equatable {
    /// Changed only with ``retitled(_:)``, which keeps ``normalisedTitle`` in step.
    private(set) var title: String
    /// The form titles are compared by; see ``InitiativeTitle``.
    private(set) var normalisedTitle: String
    var summary: String
    var kind: InitiativeKind
    var authors: [AuthorShare]
    var application: ApplicationStatus
    var firstAppliedOn: CalendarDate?
    var benefitVND: UInt64
    var benefitNote: String

    /// - Parameter normalisedTitle: the stored comparison form, when read back; computed otherwise.
    init(
        title: String, normalisedTitle: String? = nil, summary: String, kind: InitiativeKind, authors: [AuthorShare],
        application: ApplicationStatus, firstAppliedOn: CalendarDate?, benefitVND: UInt64, benefitNote: String
    ) {
        self.title = title
        self.normalisedTitle = normalisedTitle ?? InitiativeTitle.normalised(title)
        self.summary = summary
        self.kind = kind
        self.authors = authors
        self.application = application
        self.firstAppliedOn = firstAppliedOn
        self.benefitVND = benefitVND
        self.benefitNote = benefitNote
    }

    static let maxTitleLength = 300
    static let maxSummaryLength = 4000
    static let maxBenefitNoteLength = 1000
    static let maxAuthors = 30
    /// A billion billion đồng is not an estimate anyone makes; the cap keeps sums inside 64 bits.
    static let maxBenefitVND: UInt64 = 1_000_000_000_000_000

    /// The same content under another title.
    func retitled(_ title: String) -> InitiativeContent {
        var content = self
        content.title = title
        content.normalisedTitle = InitiativeTitle.normalised(title)
        return content
    }

    /// Checks every field of a request; INVALID_ARGUMENT naming every problem.
    static func validated(
        title: String, summary: String, kind: InitiativeKind, authors: [InitiativeAuthor],
        application: ApplicationStatus, firstAppliedOn: String, benefitVND: UInt64, benefitNote: String, today: CalendarDate
    ) throws(RPCError) -> InitiativeContent {
        var problems = FieldProblems()
        let content = Self.check(
            title: title, summary: summary, kind: kind, authors: authors, application: application,
            firstAppliedOn: firstAppliedOn, benefitVND: benefitVND, benefitNote: benefitNote, today: today, into: &problems
        )
        try problems.check()
        // check returns nil only after adding a problem, and problems.check() has thrown then.
        return content!
    }

    /// Checks every field, adding each problem to `problems` with its field name after `prefix`
    /// ("" for a request, "initiatives[3]." for an imported row). Nil when any field is bad.
    static func check(
        title: String, summary: String, kind: InitiativeKind, authors: [InitiativeAuthor],
        application: ApplicationStatus, firstAppliedOn: String, benefitVND: UInt64, benefitNote: String,
        today: CalendarDate, prefix: String = "", into problems: inout FieldProblems
    ) -> InitiativeContent? {
        let before = problems.details.count
        var content = InitiativeContent(
            title: "", normalisedTitle: "", summary: "", kind: kind, authors: [], application: application,
            firstAppliedOn: nil, benefitVND: benefitVND, benefitNote: ""
        )
        do throws(RPCError) {
            content = content.retitled(try Fields.text(title, field: prefix + "title", maxLength: Self.maxTitleLength))
            if content.normalisedTitle.isEmpty {
                problems.add(prefix + "title", rule: "innovation.title_words", "\(prefix)title must contain letters or digits")
            }
        } catch {
            problems.add(error)
        }
        do throws(RPCError) {
            content.summary = try Fields.note(summary, field: prefix + "summary", maxLength: Self.maxSummaryLength)
        } catch {
            problems.add(error)
        }
        do throws(RPCError) {
            content.benefitNote = try Fields.note(benefitNote, field: prefix + "benefit_note", maxLength: Self.maxBenefitNoteLength)
        } catch {
            problems.add(error)
        }
        do throws(RPCError) {
            _ = try Fields.known(kind, field: prefix + "kind")
        } catch {
            problems.add(error)
        }
        content.authors = Self.checkAuthors(authors, prefix: prefix, into: &problems)
        do throws(RPCError) {
            _ = try Fields.known(application, field: prefix + "application")
        } catch {
            problems.add(error)
        }
        content.firstAppliedOn = Self.checkFirstApplication(firstAppliedOn, application: application, today: today, prefix: prefix, into: &problems)
        if benefitVND > Self.maxBenefitVND {
            problems.add(prefix + "benefit_vnd", rule: "innovation.benefit_range", "\(prefix)benefit_vnd is \(benefitVND); the most accepted is \(Self.maxBenefitVND)")
        }
        return problems.details.count == before ? content : nil
    }

    private static func checkAuthors(_ authors: [InitiativeAuthor], prefix: String, into problems: inout FieldProblems) -> [AuthorShare] {
        guard !authors.isEmpty else {
            problems.add(prefix + "authors", rule: "innovation.authors", "an initiative has at least one author")
            return []
        }
        guard authors.count <= Self.maxAuthors else {
            problems.add(prefix + "authors", rule: "innovation.authors", "\(authors.count) authors; the most accepted is \(Self.maxAuthors)")
            return []
        }
        var shares: [AuthorShare] = []
        var seen: [String: Int] = [:]
        var total = 0
        for (index, author) in authors.enumerated() {
            let field = "\(prefix)authors[\(index)]"
            if author.memberID.isEmpty {
                problems.add(field + ".member_id", rule: "field.required", "\(field).member_id must name a member")
            } else if let earlier = seen[author.memberID] {
                problems.add(field + ".member_id", rule: "innovation.author_unique", "member \(author.memberID) is already authors[\(earlier)]")
            }
            seen[author.memberID] = seen[author.memberID] ?? index
            if !(1...100).contains(author.sharePercent) {
                problems.add(field + ".share_percent", rule: "innovation.author_shares", "\(field).share_percent is \(author.sharePercent); a share is 1 to 100 percent")
            }
            // The category may be left unstated; an author without one is not weighed against the
            // benefit bands.
            if case .UNRECOGNIZED = author.category {
                problems.add(field + ".category", rule: "field.enum", "\(field).category must be a known worker category, or unset")
            }
            total += Int(author.sharePercent)
            shares.append(AuthorShare(memberID: author.memberID, sharePercent: Int(author.sharePercent), category: author.category))
        }
        if total != 100 && authors.allSatisfy({ (1...100).contains($0.sharePercent) }) {
            problems.add(prefix + "authors", rule: "innovation.author_shares", "the authors' shares sum to \(total) percent, not 100")
        }
        return shares
    }

    private static func checkFirstApplication(
        _ text: String, application: ApplicationStatus, today: CalendarDate, prefix: String, into problems: inout FieldProblems
    ) -> CalendarDate? {
        let field = prefix + "first_applied_on"
        let applied = application == .applied || application == .trialApplied
        guard !text.isEmpty else {
            if applied {
                problems.add(field, rule: "field.required", "an applied or trial-applied initiative has the date it was first applied")
            }
            return nil
        }
        guard applied else {
            problems.add(field, rule: "innovation.first_applied_unexpected", "an initiative not yet applied has no first-application date")
            return nil
        }
        do throws(RPCError) {
            let date = try CalendarDate.parse(text, field: field)
            guard date <= today else {
                problems.add(field, rule: "innovation.first_applied_future", "\(field) is \(date), later than \(today): a first application cannot lie ahead")
                return nil
            }
            return date
        } catch {
            problems.add(error)
            return nil
        }
    }
}
