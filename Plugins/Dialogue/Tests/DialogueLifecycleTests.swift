import Testing
import ThiduaModuleKit

@testable import Dialogue

/// The dialogue lifecycle without I/O: the rules are data, the dates are given.
@Suite struct DialogueLifecycleTests {
    let rules = DialogueRuleSet.labourCode2019
    let today = day("2025-06-30")

    func periodic(employees: Int, delegation: Int, on date: String = "2025-03-14") throws(RPCError) -> DialogueRecord {
        let plan = DialogueLifecycle.Plan(
            unitID: "u9", kind: .periodic, event: .unspecified, requestedBy: .unspecified, requestedOn: nil, campaignID: nil,
            plannedOn: day(date), agenda: "Tiền lương, thưởng năm", delegationSize: delegation
        )
        return try DialogueLifecycle.plan(plan, employees: employees, rules: self.rules, today: self.today)
    }

    @Test("delegation bands of Decree 145/2020 at every boundary", arguments: [
        (49, 3, true), (49, 2, false), (40, 12, true), (50, 3, false), (50, 4, true), (149, 8, true), (149, 9, false),
        (150, 8, false), (150, 9, true), (299, 13, true), (300, 13, false), (300, 14, true), (499, 18, true), (499, 19, false),
        (500, 19, true), (999, 23, true), (999, 24, false), (1000, 23, false), (1000, 24, true), (12000, 60, true),
    ])
    func delegationBands(employees: Int, delegation: Int, allowed: Bool) {
        do {
            let dialogue = try self.periodic(employees: employees, delegation: delegation)
            #expect(allowed, "a delegation of \(delegation) for \(employees) employees should be refused")
            #expect(dialogue.state == .planned)
            #expect(dialogue.employees == employees)
        } catch {
            #expect(!allowed, "\(error)")
            #expect(error.details.first?.rule == "dialogue.delegation_size")
        }
    }

    @Test func aDelegationNeverOutnumbersTheEmployees() {
        #expect(throws: RPCError.self) { try self.periodic(employees: 2, delegation: 3) }
        // Below the band's minimum of 3, all the employees may form the delegation.
        #expect((try? self.periodic(employees: 2, delegation: 2)) != nil)
    }

    @Test func aPeriodicDialogueNeedsAHeadcount() {
        let error = #expect(throws: RPCError.self) { try self.periodic(employees: 0, delegation: 5) }
        #expect(error?.code == .failedPrecondition)
        #expect(error?.details.first?.rule == "dialogue.headcount_required")
    }

    @Test func kindsCarryTheirOwnFacts() throws {
        var plan = DialogueLifecycle.Plan(
            unitID: "u9", kind: .onEvent, event: .unspecified, requestedBy: .unspecified, requestedOn: nil, campaignID: nil,
            plannedOn: day("2025-04-01"), agenda: "", delegationSize: 5
        )
        #expect(rule(of: { try DialogueLifecycle.plan(plan, employees: 0, rules: self.rules, today: self.today) }) == "dialogue.event_required")
        plan.event = .massLayoffs
        #expect(try DialogueLifecycle.plan(plan, employees: 0, rules: self.rules, today: self.today).event == .massLayoffs)

        plan.kind = .periodic
        #expect(rule(of: { try DialogueLifecycle.plan(plan, employees: 120, rules: self.rules, today: self.today) }) == "dialogue.event_only_on_event")

        plan.kind = .onRequest
        plan.event = .unspecified
        #expect(rule(of: { try DialogueLifecycle.plan(plan, employees: 0, rules: self.rules, today: self.today) }) == "dialogue.request_required")
        plan.requestedBy = .employeeRepresentatives
        plan.requestedOn = day("2025-04-02")
        #expect(rule(of: { try DialogueLifecycle.plan(plan, employees: 0, rules: self.rules, today: self.today) }) == "dialogue.date_order")
        plan.requestedOn = day("2025-03-20")
        let onRequest = try DialogueLifecycle.plan(plan, employees: 0, rules: self.rules, today: self.today)
        #expect(onRequest.requestedBy == .employeeRepresentatives)
        #expect(onRequest.delegationSize == 5)
    }

    @Test("a periodic dialogue needs more than 70% of the delegation", arguments: [(7, false), (8, true), (10, true), (0, false)])
    func quorum(present: Int, valid: Bool) throws {
        let planned = try self.periodic(employees: 250, delegation: 10)
        let hold = DialogueLifecycle.Event.hold(on: day("2025-03-14"), employerLegalRepresentativePresent: true, representativesPresent: present)
        if valid {
            let held = try DialogueLifecycle.apply(hold, to: planned, rules: self.rules, today: self.today)
            #expect(held.state == .held)
            #expect(held.representativesPresent == present)
        } else {
            #expect(rule(of: { try DialogueLifecycle.apply(hold, to: planned, rules: self.rules, today: self.today) }) == "dialogue.periodic_quorum")
        }
    }

    @Test func aPeriodicDialogueNeedsTheEmployersLegalRepresentative() throws {
        let planned = try self.periodic(employees: 250, delegation: 10)
        let hold = DialogueLifecycle.Event.hold(on: day("2025-03-14"), employerLegalRepresentativePresent: false, representativesPresent: 10)
        #expect(rule(of: { try DialogueLifecycle.apply(hold, to: planned, rules: self.rules, today: self.today) }) == "dialogue.periodic_quorum")
    }

    @Test func theQuorumIsARuleOfTheRuleSet() throws {
        var lenient = self.rules
        lenient.periodicQuorumPercent = 50
        let planned = try self.periodic(employees: 250, delegation: 10)
        let hold = DialogueLifecycle.Event.hold(on: day("2025-03-14"), employerLegalRepresentativePresent: true, representativesPresent: 6)
        #expect(try DialogueLifecycle.apply(hold, to: planned, rules: lenient, today: self.today).state == .held)
    }

    @Test func otherDialoguesNeedNoQuorumButNoMoreThanTheDelegation() throws {
        let plan = DialogueLifecycle.Plan(
            unitID: "u9", kind: .onEvent, event: .restructuring, requestedBy: .unspecified, requestedOn: nil, campaignID: nil,
            plannedOn: day("2025-05-05"), agenda: "", delegationSize: 6
        )
        let planned = try DialogueLifecycle.plan(plan, employees: 80, rules: self.rules, today: self.today)
        let few = DialogueLifecycle.Event.hold(on: day("2025-05-05"), employerLegalRepresentativePresent: false, representativesPresent: 2)
        #expect(try DialogueLifecycle.apply(few, to: planned, rules: self.rules, today: self.today).state == .held)
        let many = DialogueLifecycle.Event.hold(on: day("2025-05-05"), employerLegalRepresentativePresent: true, representativesPresent: 7)
        #expect(rule(of: { try DialogueLifecycle.apply(many, to: planned, rules: self.rules, today: self.today) }) == "dialogue.attendance")
    }

    @Test func onlyWhatHappenedIsRecorded() throws {
        let planned = try self.periodic(employees: 250, delegation: 10, on: "2025-07-10")
        let hold = DialogueLifecycle.Event.hold(on: day("2025-07-10"), employerLegalRepresentativePresent: true, representativesPresent: 10)
        #expect(rule(of: { try DialogueLifecycle.apply(hold, to: planned, rules: self.rules, today: self.today) }) == "date.future")
    }

    /// Held on Friday 14 March 2025: three working days run to Wednesday 19 March.
    @Test("signed minutes are published within 3 working days", arguments: [("2025-03-19", true), ("2025-03-20", false)])
    func minutesDeadline(publishedOn: String, inTime: Bool) throws {
        let held = try self.heldPeriodic()
        let publish = DialogueLifecycle.Event.publishMinutes(
            signedByEmployer: true, signedByEmployeeRepresentatives: true, signedOn: day("2025-03-14"), publishedOn: day(publishedOn),
            summary: "Thống nhất tăng lương tối thiểu 6%"
        )
        if inTime {
            let closed = try DialogueLifecycle.apply(publish, to: held, rules: self.rules, today: self.today)
            #expect(closed.state == .minutesPublished)
            #expect(closed.minutesPublishedOn == day(publishedOn))
        } else {
            #expect(rule(of: { try DialogueLifecycle.apply(publish, to: held, rules: self.rules, today: self.today) }) == "dialogue.minutes_publication_deadline")
        }
    }

    @Test func minutesAreSignedByBothSidesBeforePublication() throws {
        let held = try self.heldPeriodic()
        for (employer, employees) in [(true, false), (false, true)] {
            let publish = DialogueLifecycle.Event.publishMinutes(
                signedByEmployer: employer, signedByEmployeeRepresentatives: employees, signedOn: day("2025-03-14"),
                publishedOn: day("2025-03-17"), summary: "Biên bản"
            )
            #expect(rule(of: { try DialogueLifecycle.apply(publish, to: held, rules: self.rules, today: self.today) }) == "dialogue.minutes_signatures")
        }
        let early = DialogueLifecycle.Event.publishMinutes(
            signedByEmployer: true, signedByEmployeeRepresentatives: true, signedOn: day("2025-03-13"), publishedOn: day("2025-03-17"), summary: "Biên bản"
        )
        #expect(rule(of: { try DialogueLifecycle.apply(early, to: held, rules: self.rules, today: self.today) }) == "dialogue.date_order")
    }

    @Test func eachStepOnlyFromItsState() throws {
        let planned = try self.periodic(employees: 250, delegation: 10)
        let cancelled = try DialogueLifecycle.apply(.cancel(reason: "Doanh nghiệp tạm dừng sản xuất"), to: planned, rules: self.rules, today: self.today)
        #expect(cancelled.state == .cancelled)
        #expect(cancelled.cancelReason == "Doanh nghiệp tạm dừng sản xuất")
        let hold = DialogueLifecycle.Event.hold(on: day("2025-03-14"), employerLegalRepresentativePresent: true, representativesPresent: 10)
        #expect(rule(of: { try DialogueLifecycle.apply(hold, to: cancelled, rules: self.rules, today: self.today) }) == "dialogue.state")
        let held = try self.heldPeriodic()
        #expect(rule(of: { try DialogueLifecycle.apply(.cancel(reason: "x"), to: held, rules: self.rules, today: self.today) }) == "dialogue.state")
        let publish = DialogueLifecycle.Event.publishMinutes(
            signedByEmployer: true, signedByEmployeeRepresentatives: true, signedOn: day("2025-03-14"), publishedOn: day("2025-03-14"), summary: "x"
        )
        #expect(rule(of: { try DialogueLifecycle.apply(publish, to: planned, rules: self.rules, today: self.today) }) == "dialogue.state")
    }

    @Test func reschedulingChecksTheBandOfTheNewDate() throws {
        let planned = try self.periodic(employees: 140, delegation: 8)
        // By the new date the enterprise has grown past 150: 8 representatives are too few.
        let moved = DialogueLifecycle.Event.reschedule(plannedOn: day("2025-09-10"), delegationSize: 8, agenda: "", employees: 160)
        #expect(rule(of: { try DialogueLifecycle.apply(moved, to: planned, rules: self.rules, today: self.today) }) == "dialogue.delegation_size")
        let grown = DialogueLifecycle.Event.reschedule(plannedOn: day("2025-09-10"), delegationSize: 9, agenda: "Nội quy", employees: 160)
        let after = try DialogueLifecycle.apply(grown, to: planned, rules: self.rules, today: self.today)
        #expect(after.plannedOn == day("2025-09-10"))
        #expect(after.delegationSize == 9)
        #expect(after.employees == 160)
        #expect(after.year == 2025)
    }

    private func heldPeriodic() throws -> DialogueRecord {
        let planned = try self.periodic(employees: 250, delegation: 10)
        let hold = DialogueLifecycle.Event.hold(on: day("2025-03-14"), employerLegalRepresentativePresent: true, representativesPresent: 9)
        return try DialogueLifecycle.apply(hold, to: planned, rules: self.rules, today: self.today)
    }
}

/// A date written "YYYY-MM-DD".
func day(_ text: String) -> CalendarDate {
    CalendarDate(text)!
}

/// The rule a refused step names; nil when it was not refused.
func rule<T>(of step: () throws -> T) -> String? {
    do {
        _ = try step()
        return nil
    } catch let error as RPCError {
        return error.details.first?.rule
    } catch {
        return "not an RPCError: \(error)"
    }
}

@Suite struct MonthArithmeticTests {
    @Test("a month later is the same day, or the last of a shorter month", arguments: [
        ("2024-01-31", 1, "2024-02-29"), ("2025-01-31", 1, "2025-02-28"), ("2024-05-01", 12, "2025-05-01"),
        ("2024-08-31", 30, "2027-02-28"),
    ])
    func addingMonths(from: String, months: Int, expected: String) {
        #expect(day(from).adding(months: months).description == expected)
    }

    @Test func termsThatEndAfter2999AreStillComputed() {
        // Parsed dates stop at 2999; a three-year clause signed in 2999 must still get its end.
        #expect(day("2999-06-01").adding(months: 36).description == "3002-06-01")
    }
}
