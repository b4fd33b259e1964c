import Testing
import ThiduaModuleKit

@testable import Dialogue

/// The agreement lifecycle without I/O.
@Suite struct AgreementLifecycleTests {
    let rules = DialogueRuleSet.labourCode2019
    let today = day("2025-06-30")

    func requested(on date: String = "2024-03-04") throws(RPCError) -> AgreementRecord {
        var agreement = try AgreementLifecycle.request(
            .init(unitID: "u9", title: "Thỏa ước lao động tập thể 2024-2027", requestedBy: .employeeRepresentatives, requestedOn: day(date)),
            others: [],
            rules: self.rules
        )
        agreement.row = 1
        return agreement
    }

    func apply(_ event: AgreementLifecycle.Event, to agreement: AgreementRecord) throws(RPCError) -> AgreementRecord {
        try AgreementLifecycle.apply(event, to: agreement, rules: self.rules, today: self.today)
    }

    static let clauses: [AgreementClause] = [
        clause(1, .wages, favourable: true),
        clause(2, .bonuses, favourable: true),
        clause(3, .meals, favourable: true),
        clause(4, .workingHours, favourable: false),
    ]

    /// Requested Monday 4 March 2024, sessions, a draft and a vote that passes on 10 April.
    func voted(clauses: [AgreementClause] = Self.clauses) throws(RPCError) -> AgreementRecord {
        var agreement = try self.requested()
        agreement = try self.apply(.session(heldOn: day("2024-03-13"), minutes: "Phiên 1: lương, thưởng"), to: agreement)
        agreement = try self.apply(.session(heldOn: day("2024-03-27"), minutes: "Phiên 2: bữa ăn ca"), to: agreement)
        agreement = try self.apply(.draft(on: day("2024-04-01"), clauses: clauses), to: agreement)
        return try self.apply(.vote(on: day("2024-04-10"), inFavour: 160, against: 20, employees: 300), to: agreement)
    }

    /// Requested Monday 4 March 2024, sessions, a draft, a vote that passes, signed on 15 April.
    func signed(termYears: Int = 3, effectiveFrom: String = "2024-05-01", clauses: [AgreementClause] = Self.clauses) throws(RPCError) -> AgreementRecord {
        var agreement = try self.requested()
        agreement = try self.apply(.session(heldOn: day("2024-03-13"), minutes: "Phiên 1: lương, thưởng"), to: agreement)
        agreement = try self.apply(.session(heldOn: day("2024-03-27"), minutes: "Phiên 2: bữa ăn ca"), to: agreement)
        agreement = try self.apply(.draft(on: day("2024-04-01"), clauses: clauses), to: agreement)
        agreement = try self.apply(.vote(on: day("2024-04-10"), inFavour: 160, against: 20, employees: 300), to: agreement)
        return try self.apply(.sign(on: day("2024-04-15"), effectiveFrom: day(effectiveFrom), termMonths: termYears * 12), to: agreement)
    }

    func filed(termYears: Int = 1) throws(RPCError) -> AgreementRecord {
        try self.apply(.file(on: day("2024-04-25"), with: "Sở Lao động – Thương binh và Xã hội Hà Nội"), to: self.signed(termYears: termYears))
    }

    @Test func theWholeLifecycle() throws {
        let filed = try self.filed(termYears: 1)
        #expect(filed.stage == .filed)
        #expect(filed.sessions.map(\.number) == [1, 2])
        #expect(filed.expiresOn == day("2025-04-30"))
        let states = ["2024-04-20", "2024-04-27", "2024-05-01", "2025-01-29", "2025-01-30", "2025-04-30", "2025-05-01"].map {
            AgreementLifecycle.state(of: filed, on: day($0), rules: self.rules)
        }
        #expect(states == [.signed, .filed, .inForce, .inForce, .renewalWindow, .renewalWindow, .expired])
    }

    /// Requested Monday 4 March 2024: seven working days run to Wednesday 13 March.
    @Test("the first session is held within 7 working days", arguments: [("2024-03-13", true), ("2024-03-14", false)])
    func firstSession(heldOn: String, inTime: Bool) throws {
        let agreement = try self.requested()
        let session = AgreementLifecycle.Event.session(heldOn: day(heldOn), minutes: "Phiên 1")
        if inTime {
            #expect(try self.apply(session, to: agreement).stage == .negotiating)
        } else {
            #expect(rule(of: { try self.apply(session, to: agreement) }) == "dialogue.first_session_deadline")
        }
    }

    @Test func laterSessionsHaveNoDeadlineButKeepTheirOrder() throws {
        var agreement = try self.requested()
        agreement = try self.apply(.session(heldOn: day("2024-03-05"), minutes: "Phiên 1"), to: agreement)
        agreement = try self.apply(.session(heldOn: day("2024-06-05"), minutes: "Phiên 2"), to: agreement)
        #expect(agreement.sessions.count == 2)
        #expect(rule(of: { try self.apply(.session(heldOn: day("2024-06-04"), minutes: "Phiên 3"), to: agreement) }) == "dialogue.date_order")
    }

    /// 300 employees: 150 in favour is exactly half, not more.
    @Test("the vote needs more than 50% of ALL employees", arguments: [(150, 0, false), (151, 149, true), (151, 0, true), (140, 5, false)])
    func voteMajority(inFavour: Int, against: Int, passes: Bool) throws {
        var agreement = try self.requested()
        agreement = try self.apply(.session(heldOn: day("2024-03-05"), minutes: "Phiên 1"), to: agreement)
        agreement = try self.apply(.draft(on: day("2024-04-01"), clauses: Self.clauses), to: agreement)
        let voted = try self.apply(.vote(on: day("2024-04-10"), inFavour: inFavour, against: against, employees: 300), to: agreement)
        #expect(voted.votes.last?.passed == passes)
        #expect(voted.stage == (passes ? .voted : .negotiating))
    }

    @Test func aVoteThatFailedCannotBeSigned() throws {
        var agreement = try self.requested()
        agreement = try self.apply(.session(heldOn: day("2024-03-05"), minutes: "Phiên 1"), to: agreement)
        agreement = try self.apply(.draft(on: day("2024-04-01"), clauses: Self.clauses), to: agreement)
        // 140 of the 145 who voted were in favour, but the enterprise has 300 employees.
        agreement = try self.apply(.vote(on: day("2024-04-10"), inFavour: 140, against: 5, employees: 300), to: agreement)
        let sign = AgreementLifecycle.Event.sign(on: day("2024-04-15"), effectiveFrom: day("2024-05-01"), termMonths: 24)
        #expect(rule(of: { try self.apply(sign, to: agreement) }) == "dialogue.vote_majority")
        // A new draft and a new vote.
        agreement = try self.apply(.draft(on: day("2024-04-20"), clauses: Self.clauses), to: agreement)
        agreement = try self.apply(.vote(on: day("2024-04-25"), inFavour: 201, against: 30, employees: 300), to: agreement)
        #expect(agreement.votes.map(\.passed) == [false, true])
        #expect(try self.apply(.sign(on: day("2024-04-26"), effectiveFrom: day("2024-05-01"), termMonths: 24), to: agreement).stage == .signed)
    }

    @Test func votesAreCountedAgainstARecordedHeadcount() throws {
        var agreement = try self.requested()
        agreement = try self.apply(.session(heldOn: day("2024-03-05"), minutes: "Phiên 1"), to: agreement)
        agreement = try self.apply(.draft(on: day("2024-04-01"), clauses: Self.clauses), to: agreement)
        #expect(rule(of: { try self.apply(.vote(on: day("2024-04-10"), inFavour: 10, against: 0, employees: 0), to: agreement) }) == "dialogue.headcount_required")
        #expect(rule(of: { try self.apply(.vote(on: day("2024-04-10"), inFavour: 200, against: 101, employees: 300), to: agreement) }) == "dialogue.vote_count")
    }

    @Test("terms run 1 to 3 years", arguments: [(0, false), (1, true), (3, true), (4, false)])
    func terms(years: Int, allowed: Bool) throws {
        if allowed {
            let signed = try self.signed(termYears: years)
            #expect(signed.expiresOn == day("2024-05-01").adding(years: years).adding(days: -1))
        } else {
            #expect(rule(of: { try self.signed(termYears: years) }) == "dialogue.term_years")
        }
    }

    /// Any term from 1 to 3 years is lawful [Labour Code 2019 Art. 78], not only whole years.
    @Test("terms run 12 to 36 months", arguments: [(11, false), (12, true), (18, true), (30, true), (36, true), (37, false)])
    func terms(months: Int, allowed: Bool) throws {
        let agreement = try self.voted()
        let sign = AgreementLifecycle.Event.sign(on: day("2024-04-15"), effectiveFrom: day("2024-05-01"), termMonths: months)
        if allowed {
            let signed = try self.apply(sign, to: agreement)
            #expect(signed.termMonths == months)
            #expect(signed.expiresOn == day("2024-05-01").adding(months: months).adding(days: -1))
            #expect(signed.message(state: .signed, asOf: day("2024-04-15")).termYears == (months % 12 == 0 ? UInt32(months / 12) : 0))
        } else {
            #expect(rule(of: { try self.apply(sign, to: agreement) }) == "dialogue.term_years")
        }
    }

    @Test func clausesHaveTheirOwnTermsWithinTheAgreements() throws {
        let shortWages = clause(1, .wages, favourable: true, months: 12)
        let signed = try self.signed(termYears: 2, clauses: [shortWages, clause(2, .meals, favourable: false)])
        #expect(signed.clauses.map(\.expiresOn) == ["2025-04-30", "2026-04-30"])
        let tooLong = clause(1, .wages, favourable: true, months: 30)
        #expect(rule(of: { try self.signed(termYears: 2, clauses: [tooLong]) }) == "dialogue.clause_term")
        let beyondAnyTerm = clause(1, .wages, favourable: true, months: 37)
        #expect(rule(of: { try self.signed(termYears: 3, clauses: [beyondAnyTerm]) }) == "dialogue.clause_term_max")
    }

    @Test func aDraftHasNumberedTitledClauses() throws {
        var agreement = try self.requested()
        agreement = try self.apply(.session(heldOn: day("2024-03-05"), minutes: "Phiên 1"), to: agreement)
        #expect(rule(of: { try self.apply(.draft(on: day("2024-04-01"), clauses: []), to: agreement) }) == "dialogue.clauses_required")
        let twice = [clause(1, .wages, favourable: true), clause(1, .meals, favourable: true)]
        #expect(rule(of: { try self.apply(.draft(on: day("2024-04-01"), clauses: twice), to: agreement) }) == "dialogue.clause_numbers")
        var untitled = clause(1, .wages, favourable: true)
        untitled.title = "  "
        #expect(rule(of: { try self.apply(.draft(on: day("2024-04-01"), clauses: [untitled]), to: agreement) }) == "field.required")
        #expect(rule(of: { try self.apply(.draft(on: day("2024-04-01"), clauses: [clause(1, .unspecified, favourable: true)]), to: agreement) }) == "field.enum")
    }

    @Test("the quality grade follows the configured rubric", arguments: [(5, 3, AgreementQualityGrade.gradeA), (5, 2, .gradeB), (2, 2, .gradeB), (1, 1, .gradeC), (0, 0, .gradeC)])
    func grades(favourable: Int, topics: Int, expected: AgreementQualityGrade) throws {
        let topicList: [ClauseTopic] = [.wages, .bonuses, .meals, .welfare, .restAndLeave]
        var clauses = (0..<favourable).map { clause($0 + 1, topicList[$0 % max(topics, 1)], favourable: true) }
        clauses.append(clause(favourable + 1, .training, favourable: false))
        let signed = try self.signed(clauses: clauses)
        #expect(signed.qualityGrade == expected)
        #expect(signed.favourableClauses == favourable)
    }

    /// The copy is due within 10 days of signing [Labour Code 2019 Art. 77]; a later one is
    /// recorded on its real day and flagged, not refused: it does not void the agreement.
    @Test("the copy is due within 10 days of signing; a late one is recorded", arguments: [("2024-04-25", false), ("2024-04-26", true), ("2024-06-30", true)])
    func filing(filedOn: String, late: Bool) throws {
        let signed = try self.signed()
        let file = AgreementLifecycle.Event.file(on: day(filedOn), with: "Sở Lao động – Thương binh và Xã hội Hà Nội")
        let filed = try self.apply(file, to: signed)
        #expect(filed.stage == .filed && filed.filedOn == day(filedOn))
        #expect(filed.filedLate == late)
        #expect(filed.message(state: .inForce, asOf: self.today).filedLate == late)
    }

    /// An agreement applies from its effective date, the one agreed or else the signing [Labour
    /// Code 2019 Art. 78], however late its copy was filed.
    @Test func aLateCopyDoesNotPutTheEffectOff() throws {
        // Signed 15 April 2024, effective 1 May; the copy, due by 25 April, filed on 20 May.
        let late = try self.apply(.file(on: day("2024-05-20"), with: "Sở Lao động – Thương binh và Xã hội Hà Nội"), to: self.signed(termYears: 1))
        #expect(late.filedLate)
        #expect(AgreementLifecycle.state(of: late, on: day("2024-04-30"), rules: self.rules) == .signed)
        #expect(AgreementLifecycle.state(of: late, on: day("2024-05-01"), rules: self.rules) == .inForce)
        #expect(AgreementLifecycle.state(of: late, on: day("2024-05-19"), rules: self.rules) == .inForce)
        #expect(AgreementLifecycle.state(of: late, on: day("2025-04-30"), rules: self.rules) == .renewalWindow)
        #expect(AgreementLifecycle.state(of: late, on: day("2025-05-01"), rules: self.rules) == .expired)
        // Filed before its effective date: FILED in between, as before.
        let early = try self.filed(termYears: 1)
        #expect(!early.filedLate)
        #expect(AgreementLifecycle.state(of: early, on: day("2024-04-24"), rules: self.rules) == .signed)
        #expect(AgreementLifecycle.state(of: early, on: day("2024-04-25"), rules: self.rules) == .filed)
        #expect(AgreementLifecycle.state(of: early, on: day("2024-05-01"), rules: self.rules) == .inForce)
    }

    @Test func continuedAtMost90DaysWhileTheRenewalIsBargained() throws {
        // In force from 1 May 2024 to 30 April 2025; today is 30 June 2025.
        let filed = try self.filed(termYears: 1)
        #expect(rule(of: { try self.apply(.continueUntil(day("2025-07-29"), renewalUnderWay: false), to: filed) }) == "dialogue.continuation_needs_renewal")
        #expect(rule(of: { try self.apply(.continueUntil(day("2025-07-30"), renewalUnderWay: true), to: filed) }) == "dialogue.continuation_limit")
        #expect(rule(of: { try self.apply(.continueUntil(day("2025-04-30"), renewalUnderWay: true), to: filed) }) == "dialogue.continuation_limit")
        let continued = try self.apply(.continueUntil(day("2025-07-29"), renewalUnderWay: true), to: filed)
        #expect(continued.endsOn == day("2025-07-29"))
        #expect(AgreementLifecycle.state(of: continued, on: day("2025-06-30"), rules: self.rules) == .continued)
        #expect(AgreementLifecycle.state(of: continued, on: day("2025-07-30"), rules: self.rules) == .expired)
    }

    @Test func continuationIsDecidedFromTheRenewalWindow() throws {
        let filed = try self.filed(termYears: 3)
        // Expires 30 April 2027: on 30 June 2025 the window is far off.
        #expect(rule(of: { try self.apply(.continueUntil(day("2027-06-30"), renewalUnderWay: true), to: filed) }) == "dialogue.continuation_window")
    }

    @Test func aRenewalReplacesTheAgreementFromItsEffectiveDate() throws {
        let continued = try self.apply(.continueUntil(day("2025-07-29"), renewalUnderWay: true), to: self.filed(termYears: 1))
        let replaced = AgreementLifecycle.replaced(continued, from: day("2025-07-01"))
        #expect(AgreementLifecycle.state(of: replaced, on: day("2025-06-30"), rules: self.rules) == .continued)
        #expect(AgreementLifecycle.state(of: replaced, on: day("2025-07-01"), rules: self.rules) == .replaced)
    }

    @Test func oneBargainingAtATimeAndRenewalsInTheirWindow() throws {
        let open = try self.requested()
        let request = AgreementLifecycle.Request(
            unitID: "u9", title: "Thỏa ước mới", requestedBy: .employer, requestedOn: day("2024-03-05")
        )
        #expect(rule(of: { try AgreementLifecycle.request(request, others: [open], rules: self.rules) }) == "dialogue.bargaining_under_way")

        var inForce = try self.filed(termYears: 1)
        inForce.row = 7
        var fresh = request
        fresh.requestedOn = day("2024-12-02")
        #expect(rule(of: { try AgreementLifecycle.request(fresh, others: [inForce], rules: self.rules) }) == "dialogue.agreement_in_force")
        // A renewal: too early on 2 December 2024, in its window from 30 January 2025.
        fresh.renews = inForce
        #expect(rule(of: { try AgreementLifecycle.request(fresh, others: [inForce], rules: self.rules) }) == "dialogue.renewal_window")
        fresh.requestedOn = day("2025-01-30")
        let renewal = try AgreementLifecycle.request(fresh, others: [inForce], rules: self.rules)
        #expect(renewal.renewsRow == 7)
        #expect(renewal.stage == .requested)
        var elsewhere = inForce
        elsewhere.unitID = "u10"
        fresh.renews = elsewhere
        #expect(rule(of: { try AgreementLifecycle.request(fresh, others: [inForce], rules: self.rules) }) == "dialogue.renewal_same_enterprise")
        // Once it has expired, a new agreement needs no renewal link.
        fresh.renews = nil
        fresh.requestedOn = day("2025-05-02")
        #expect(try AgreementLifecycle.request(fresh, others: [inForce], rules: self.rules).renewsRow == nil)
    }

    @Test func withdrawnBeforeSigningOnly() throws {
        let open = try self.requested()
        let withdrawn = try self.apply(.withdraw(on: day("2024-03-06"), reason: "Doanh nghiệp giải thể"), to: open)
        #expect(withdrawn.stage == .withdrawn)
        #expect(AgreementLifecycle.state(of: withdrawn, on: self.today, rules: self.rules) == .withdrawn)
        #expect(rule(of: { try self.apply(.withdraw(on: day("2024-04-20"), reason: "x"), to: self.signed()) }) == "dialogue.agreement_state")
        #expect(rule(of: { try self.apply(.session(heldOn: day("2024-03-07"), minutes: "x"), to: withdrawn) }) == "dialogue.agreement_state")
        #expect(rule(of: { try self.apply(.file(on: day("2024-03-07"), with: "x"), to: open) }) == "dialogue.agreement_state")
    }

    @Test func stepsAreNotDatedInTheFuture() throws {
        let open = try self.requested(on: "2025-06-27")
        #expect(rule(of: { try self.apply(.session(heldOn: day("2025-07-01"), minutes: "x"), to: open) }) == "date.future")
    }
}

func clause(_ number: Int, _ topic: ClauseTopic, favourable: Bool, months: UInt32 = 0) -> AgreementClause {
    .with {
        $0.number = UInt32(number)
        $0.title = "Điều \(number)"
        $0.topic = topic
        $0.moreFavourableThanLaw = favourable
        $0.termMonths = months
    }
}
