import Testing
import ThiduaClient
import ThiduaTesting
import ThiduaWire

@testable import Dialogue

/// Collective agreements through the wire: every step, every rule, and refusals that change nothing.
@Suite struct AgreementsWireTests {
    func request(_ f: ModuleFixture, _ unitID: String, on date: String, renews: String = "") async throws -> CollectiveAgreement {
        try await f.call(Methods.Dialogue.Agreements.requestBargaining, .with {
            $0.unitID = unitID
            $0.title = "Thỏa ước lao động tập thể"
            $0.requestedBy = .employeeRepresentatives
            $0.requestedOn = date
            $0.renewsAgreementID = renews
        })
    }

    func session(_ f: ModuleFixture, _ id: String, on date: String) async throws -> CollectiveAgreement {
        try await f.call(Methods.Dialogue.Agreements.recordBargainingSession, .with {
            $0.agreementID = id
            $0.heldOn = date
            $0.minutes = "Hai bên thống nhất các điều về tiền lương"
        })
    }

    func draft(_ f: ModuleFixture, _ id: String, on date: String, clauses: [AgreementClause]? = nil) async throws -> CollectiveAgreement {
        try await f.call(Methods.Dialogue.Agreements.recordAgreementDraft, .with {
            $0.agreementID = id
            $0.draftedOn = date
            $0.clauses = clauses ?? [clause(1, .wages, favourable: true), clause(2, .meals, favourable: true, months: 12)]
        })
    }

    func vote(_ f: ModuleFixture, _ id: String, on date: String, inFavour: UInt32, against: UInt32 = 0) async throws -> CollectiveAgreement {
        try await f.call(Methods.Dialogue.Agreements.recordAgreementVote, .with {
            $0.agreementID = id
            $0.votedOn = date
            $0.inFavour = inFavour
            $0.against = against
        })
    }

    func sign(_ f: ModuleFixture, _ id: String, on date: String, years: UInt32, effectiveFrom: String = "") async throws -> CollectiveAgreement {
        try await f.call(Methods.Dialogue.Agreements.signAgreement, .with {
            $0.agreementID = id
            $0.signedOn = date
            $0.termYears = years
            $0.effectiveFrom = effectiveFrom
        })
    }

    func file(_ f: ModuleFixture, _ id: String, on date: String) async throws -> CollectiveAgreement {
        try await f.call(Methods.Dialogue.Agreements.fileAgreementCopy, .with {
            $0.agreementID = id
            $0.filedOn = date
            $0.filedWith = "Sở Lao động – Thương binh và Xã hội Hà Nội"
        })
    }

    func get(_ f: ModuleFixture, _ id: String, asOf: String = "") async throws -> CollectiveAgreement {
        try await f.call(Methods.Dialogue.Agreements.getAgreement, .with {
            $0.id = id
            $0.asOf = asOf
        })
    }

    @Test func fromTheRequestToAnAgreementInForce() async throws {
        try await DialogueFixture.with { f, org in
            // Monday 3 February 2025.
            let requested = try await self.request(f, org.garmentID, on: "2025-02-03")
            #expect(requested.id.hasPrefix("ag"))
            #expect(requested.state == .requested)
            #expect(try await self.session(f, requested.id, on: "2025-02-12").state == .negotiating)
            #expect(try await self.draft(f, requested.id, on: "2025-02-14").state == .drafted)
            // 250 employees: 126 in favour is more than half of all of them.
            let voted = try await self.vote(f, requested.id, on: "2025-02-18", inFavour: 126, against: 100)
            #expect(voted.state == .voted)
            #expect(voted.votes.map(\.employees) == [250])
            let signed = try await self.sign(f, requested.id, on: "2025-02-20", years: 2, effectiveFrom: "2025-03-01")
            #expect(signed.state == .signed)
            #expect(signed.expiresOn == "2027-02-28")
            #expect(signed.clauses.map(\.expiresOn) == ["2027-02-28", "2026-02-28"])
            #expect(signed.qualityGrade == .gradeB)
            #expect(signed.favourableClauses == 2)
            let filed = try await self.file(f, requested.id, on: "2025-03-02")
            #expect(filed.state == .inForce)
            #expect(filed.sessions.first?.id.hasPrefix("bs") == true)
            #expect(try await self.get(f, requested.id, asOf: "2025-02-25").state == .signed)
            #expect(try await self.get(f, requested.id, asOf: "2026-12-01").state == .renewalWindow)
            #expect(try await self.get(f, requested.id, asOf: "2027-03-01").state == .expired)
            #expect(try await f.audit(of: requested.id).count == 6)
            let inForce = try await f.call(Methods.Dialogue.Agreements.listAgreements, .with { $0.state = .inForce })
            #expect(inForce.agreements.map(\.id) == [requested.id])
        }
    }

    /// The law allows any term from 1 to 3 years [Labour Code 2019 Art. 78]: an 18-month agreement
    /// is recorded in months. Clients that still send the deprecated term_years are understood.
    @Test func termsAreRecordedInMonths() async throws {
        try await DialogueFixture.with { f, org in
            func voted(_ unitID: String, requestedOn: String) async throws -> String {
                let requested = try await self.request(f, unitID, on: requestedOn)
                _ = try await self.session(f, requested.id, on: requestedOn)
                _ = try await self.draft(f, requested.id, on: requestedOn)
                _ = try await self.vote(f, requested.id, on: requestedOn, inFavour: 200)
                return requested.id
            }
            func sign(_ id: String, months: UInt32, years: UInt32 = 0) async throws -> CollectiveAgreement {
                try await f.call(Methods.Dialogue.Agreements.signAgreement, .with {
                    $0.agreementID = id
                    $0.signedOn = "2025-02-20"
                    $0.effectiveFrom = "2025-03-01"
                    $0.termMonths = months
                    $0.termYears = years
                })
            }
            let id = try await voted(org.garmentID, requestedOn: "2025-02-17")
            for months: UInt32 in [11, 37] {
                try await f.expectRefusal(.invalidArgument, rule: "dialogue.term_years", field: "term_months") { _ = try await sign(id, months: months) }
            }
            try await f.expectRefusal(.invalidArgument, rule: "dialogue.term_fields") { _ = try await sign(id, months: 18, years: 2) }
            let signed = try await sign(id, months: 18)
            #expect(signed.termMonths == 18 && signed.termYears == 0)
            #expect(signed.expiresOn == "2026-08-31")
            // The clause of 12 months fits in 18; the agreement's own clause runs its whole term.
            #expect(signed.clauses.map(\.expiresOn) == ["2026-08-31", "2026-02-28"])
            _ = try await self.file(f, id, on: "2025-03-02")
            #expect(try await self.get(f, id, asOf: "2026-06-01").state == .inForce)
            #expect(try await self.get(f, id, asOf: "2026-06-02").state == .renewalWindow)
            #expect(try await self.get(f, id, asOf: "2026-09-01").state == .expired)

            // The deprecated field, alone, still means whole years.
            _ = try await f.recordHeadcount(org.electronicsID, 250, asOf: "2025-01-01")
            let other = try await voted(org.electronicsID, requestedOn: "2025-02-17")
            let byYears = try await self.sign(f, other, on: "2025-02-20", years: 2)
            #expect(byYears.termMonths == 24 && byYears.termYears == 2)
            #expect(try await self.get(f, other).termMonths == 24)
        }
    }

    /// The copy is due at the labour authority within 10 days of signing [Labour Code 2019 Art.
    /// 77]. A copy filed on day 11 is recorded on that real day, flagged late and counted in the
    /// coverage report; the agreement applies from its effective date all the same [Art. 78]. A
    /// signed agreement with no copy past the 10 days is counted as overdue.
    @Test func aLateCopyIsRecordedFlaggedAndReported() async throws {
        try await DialogueFixture.with { f, org in
            let requested = try await self.request(f, org.garmentID, on: "2025-02-03")
            _ = try await self.session(f, requested.id, on: "2025-02-12")
            _ = try await self.draft(f, requested.id, on: "2025-02-14")
            _ = try await self.vote(f, requested.id, on: "2025-02-18", inFavour: 126, against: 100)
            _ = try await self.sign(f, requested.id, on: "2025-02-20", years: 1)
            func coverage(asOf: String) async throws -> BargainingCoverage {
                try await f.call(Methods.Dialogue.BargainingReports.getBargainingCoverage, .with { $0.asOf = asOf })
            }
            // Ten days from 20 February run to 2 March: not yet overdue on the 2nd, overdue on the 3rd.
            #expect(try await coverage(asOf: "2025-03-02").total.copiesOverdue == 0)
            #expect(try await coverage(asOf: "2025-03-03").total.copiesOverdue == 1)
            #expect(try await coverage(asOf: "2025-03-03").total.withAgreementInForce == 0)

            // Day 11: recorded on its real day, flagged.
            let filed = try await self.file(f, requested.id, on: "2025-03-03")
            #expect(filed.filedOn == "2025-03-03" && filed.filedLate)
            #expect(filed.state == .inForce)
            // In force from its effective date, the signing, not from the late copy.
            #expect(try await self.get(f, requested.id, asOf: "2025-02-20").state == .inForce)
            #expect(try await self.get(f, requested.id, asOf: "2025-02-19").state == .signed)
            let report = try await coverage(asOf: "2025-03-03")
            #expect(report.total.withAgreementInForce == 1 && report.total.filedLate == 1 && report.total.copiesOverdue == 0)
            #expect(report.bySector.map(\.figures.filedLate).reduce(0, +) == 1)
            #expect(try await coverage(asOf: "2025-02-25").total.withAgreementInForce == 1)

            // A copy on day 10 is on time.
            _ = try await f.recordHeadcount(org.electronicsID, 250, asOf: "2025-01-01")
            let other = try await self.request(f, org.electronicsID, on: "2025-02-03")
            _ = try await self.session(f, other.id, on: "2025-02-12")
            _ = try await self.draft(f, other.id, on: "2025-02-14")
            _ = try await self.vote(f, other.id, on: "2025-02-18", inFavour: 126, against: 100)
            _ = try await self.sign(f, other.id, on: "2025-02-20", years: 1)
            #expect(try await self.file(f, other.id, on: "2025-03-02").filedLate == false)
            let both = try await coverage(asOf: "2025-03-03")
            #expect(both.total.withAgreementInForce == 2 && both.total.filedLate == 1)
        }
    }

    @Test func bargainingStepsAreRefusedOutOfOrderOrLate() async throws {
        try await DialogueFixture.with { f, org in
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.enterprise_unit") {
                _ = try await self.request(f, org.schoolID, on: "2025-02-03")
            }
            try await f.expectRefusal(.invalidArgument, rule: "date.future") {
                _ = try await self.request(f, org.garmentID, on: "2025-07-01")
            }
            try await f.expectRefusal(.invalidArgument, rule: "field.enum") {
                _ = try await f.call(Methods.Dialogue.Agreements.requestBargaining, .with {
                    $0.unitID = org.garmentID
                    $0.title = "Thỏa ước"
                    $0.requestedOn = "2025-02-03"
                })
            }
            let requested = try await self.request(f, org.garmentID, on: "2025-02-03")
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.bargaining_under_way") {
                _ = try await self.request(f, org.garmentID, on: "2025-02-04")
            }
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.agreement_state") {
                _ = try await self.draft(f, requested.id, on: "2025-02-05")
            }
            // Seven working days from Monday 3 February run to Wednesday 12 February.
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.first_session_deadline") {
                _ = try await self.session(f, requested.id, on: "2025-02-13")
            }
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.date_order") {
                _ = try await self.session(f, requested.id, on: "2025-01-31")
            }
            _ = try await self.session(f, requested.id, on: "2025-02-12")
            try await f.expectRefusal(.invalidArgument, rule: "dialogue.clauses_required") {
                _ = try await self.draft(f, requested.id, on: "2025-02-14", clauses: [])
            }
            try await f.expectRefusal(.invalidArgument, rule: "dialogue.clause_term_max") {
                _ = try await self.draft(f, requested.id, on: "2025-02-14", clauses: [clause(1, .wages, favourable: true, months: 40)])
            }
            _ = try await self.draft(f, requested.id, on: "2025-02-14")
            try await f.expectRefusal(.invalidArgument, rule: "dialogue.vote_count") {
                _ = try await self.vote(f, requested.id, on: "2025-02-18", inFavour: 200, against: 51)
            }
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.agreement_state") {
                _ = try await self.sign(f, requested.id, on: "2025-02-20", years: 1)
            }
            _ = try await self.vote(f, requested.id, on: "2025-02-18", inFavour: 200)
            try await f.expectRefusal(.invalidArgument, rule: "dialogue.term_years") {
                _ = try await self.sign(f, requested.id, on: "2025-02-20", years: 4)
            }
            try await f.expectRefusal(.invalidArgument, rule: "dialogue.effective_date") {
                _ = try await self.sign(f, requested.id, on: "2025-02-20", years: 1, effectiveFrom: "2025-02-19")
            }
            _ = try await self.sign(f, requested.id, on: "2025-02-20", years: 1)
            try await f.expectRefusal(.invalidArgument, rule: "field.required") {
                _ = try await f.call(Methods.Dialogue.Agreements.fileAgreementCopy, .with {
                    $0.agreementID = requested.id
                    $0.filedOn = "2025-03-02"
                })
            }
            _ = try await self.file(f, requested.id, on: "2025-03-02")
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.agreement_in_force") {
                _ = try await self.request(f, org.garmentID, on: "2025-06-02")
            }
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.agreement_state") {
                _ = try await f.call(Methods.Dialogue.Agreements.withdrawBargaining, .with {
                    $0.agreementID = requested.id
                    $0.reason = "x"
                })
            }
        }
    }

    @Test func theVoteCountsAllEmployeesNotThoseWhoVoted() async throws {
        try await DialogueFixture.with { f, org in
            let requested = try await self.request(f, org.garmentID, on: "2025-02-03")
            _ = try await self.session(f, requested.id, on: "2025-02-04")
            _ = try await self.draft(f, requested.id, on: "2025-02-05")
            // 125 of 130 voters, but exactly half of the 250 employees: the vote fails.
            let failed = try await self.vote(f, requested.id, on: "2025-02-06", inFavour: 125, against: 5)
            #expect(failed.state == .negotiating)
            #expect(failed.votes.map(\.passed) == [false])
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.vote_majority") {
                _ = try await self.sign(f, requested.id, on: "2025-02-07", years: 1)
            }
            // The headcount rises before the second vote: the base follows it.
            _ = try await f.recordHeadcount(org.garmentID, 300, asOf: "2025-03-01")
            _ = try await self.draft(f, requested.id, on: "2025-03-03")
            let again = try await self.vote(f, requested.id, on: "2025-03-05", inFavour: 150)
            #expect(again.votes.map(\.employees) == [250, 300])
            #expect(again.state == .negotiating)
            _ = try await self.draft(f, requested.id, on: "2025-03-06")
            #expect(try await self.vote(f, requested.id, on: "2025-03-07", inFavour: 151).state == .voted)
        }
    }

    @Test func aVoteNeedsTheEnterprisesHeadcount() async throws {
        try await DialogueFixture.with { f, org in
            let requested = try await self.request(f, org.electronicsID, on: "2025-02-03")
            _ = try await self.session(f, requested.id, on: "2025-02-04")
            _ = try await self.draft(f, requested.id, on: "2025-02-05")
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.headcount_required") {
                _ = try await self.vote(f, requested.id, on: "2025-02-06", inFavour: 100)
            }
            let withdrawn = try await f.call(Methods.Dialogue.Agreements.withdrawBargaining, .with {
                $0.agreementID = requested.id
                $0.reason = "Chưa thống nhất được mức lương"
            })
            #expect(withdrawn.state == .withdrawn)
            #expect(withdrawn.withdrawnOn == DialogueFixture.today)
            // A withdrawn bargaining leaves room for a new one.
            #expect(try await self.request(f, org.electronicsID, on: "2025-06-02").state == .requested)
        }
    }

    @Test func anExpiringAgreementIsRenewedContinuedAndReplaced() async throws {
        try await DialogueFixture.with { f, org in
            _ = try await f.recordHeadcount(org.garmentID, 240, asOf: "2024-01-01")
            // Monday 1 April 2024; signed 15 April for one year: expires 14 April 2025.
            let old = try await f.agreementInForce(org.garmentID, requestedOn: "2024-04-01", signedOn: "2024-04-15", termYears: 1)
            #expect(old.expiresOn == "2025-04-14")
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.renewal_window") {
                _ = try await self.request(f, org.garmentID, on: "2025-01-13", renews: old.id)
            }
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.continuation_needs_renewal") {
                _ = try await f.call(Methods.Dialogue.Agreements.continueAgreement, .with {
                    $0.agreementID = old.id
                    $0.continuedUntil = "2025-07-13"
                })
            }
            let renewal = try await self.request(f, org.garmentID, on: "2025-04-01", renews: old.id)
            #expect(renewal.renewsAgreementID == old.id)
            #expect(try await self.get(f, old.id).renewedByAgreementID == renewal.id)
            _ = try await self.session(f, renewal.id, on: "2025-04-03")
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.continuation_limit") {
                _ = try await f.call(Methods.Dialogue.Agreements.continueAgreement, .with {
                    $0.agreementID = old.id
                    $0.continuedUntil = "2025-07-14"
                })
            }
            let continued = try await f.call(Methods.Dialogue.Agreements.continueAgreement, .with {
                $0.agreementID = old.id
                $0.continuedUntil = "2025-07-13"
                $0.reason = "Đang thương lượng thỏa ước mới"
            })
            #expect(continued.state == .continued)

            let expiring = try await f.call(Methods.Dialogue.BargainingReports.listExpiringAgreements, ListExpiringAgreementsRequest())
            #expect(expiring.windowEndsOn == "2025-09-28")
            #expect(expiring.agreements.map(\.agreement.id) == [old.id])
            #expect(expiring.agreements.first?.endsOn == "2025-07-13")
            #expect(expiring.agreements.first?.daysLeft == 13)
            #expect(expiring.agreements.first?.renewalAgreementID == renewal.id)
            #expect(expiring.agreements.first?.renewalState == .negotiating)

            _ = try await self.draft(f, renewal.id, on: "2025-06-10")
            _ = try await self.vote(f, renewal.id, on: "2025-06-16", inFavour: 200)
            _ = try await self.sign(f, renewal.id, on: "2025-06-20", years: 3, effectiveFrom: "2025-07-01")
            let filed = try await self.file(f, renewal.id, on: "2025-06-25")
            #expect(filed.state == .filed)
            let replaced = try await self.get(f, old.id)
            #expect(replaced.replacedOn == "2025-07-01")
            #expect(replaced.state == .continued)
            #expect(try await self.get(f, old.id, asOf: "2025-07-01").state == .replaced)
            #expect(try await self.get(f, renewal.id, asOf: "2025-07-01").state == .inForce)
        }
    }

    @Test func aWithdrawnRenewalLeavesTheOldAgreementToBeRenewedAgain() async throws {
        try await DialogueFixture.with { f, org in
            _ = try await f.recordHeadcount(org.garmentID, 240, asOf: "2024-01-01")
            let old = try await f.agreementInForce(org.garmentID, requestedOn: "2024-04-01", signedOn: "2024-04-15", termYears: 1)
            let renewal = try await self.request(f, org.garmentID, on: "2025-04-01", renews: old.id)
            _ = try await f.call(Methods.Dialogue.Agreements.withdrawBargaining, .with {
                $0.agreementID = renewal.id
                $0.withdrawnOn = "2025-04-10"
                $0.reason = "Ban chấp hành công đoàn đề nghị tạm dừng"
            })
            #expect(try await self.get(f, old.id).renewedByAgreementID == "")
            // Expired on 14 April 2025 and not continued: on 30 June it is over.
            #expect(try await self.get(f, old.id).state == .expired)
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.continuation_needs_renewal") {
                _ = try await f.call(Methods.Dialogue.Agreements.continueAgreement, .with {
                    $0.agreementID = old.id
                    $0.continuedUntil = "2025-07-13"
                })
            }
        }
    }

    @Test func agreementsAreSeenOnlyInsideTheKeysSubtree() async throws {
        try await DialogueFixture.with { f, org in
            _ = try await f.recordHeadcount(org.elsewhereID, 900, asOf: "2024-01-01")
            let elsewhere = try await self.request(f, org.elsewhereID, on: "2025-02-03")
            let district = try await f.client(scopedTo: org.districtID, permissions: [DialoguePermissions.read, DialoguePermissions.write])
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree") {
                _ = try await f.call(Methods.Dialogue.Agreements.getAgreement, .with { $0.id = elsewhere.id }, as: district)
            }
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree") {
                _ = try await f.call(Methods.Dialogue.Agreements.recordBargainingSession, .with {
                    $0.agreementID = elsewhere.id
                    $0.heldOn = "2025-02-04"
                    $0.minutes = "x"
                }, as: district)
            }
            try await f.expectRefusal(.notFound, rule: "dialogue.agreement_exists") {
                _ = try await self.get(f, "ag999")
            }
            let listed = try await f.call(Methods.Dialogue.Agreements.listAgreements, ListAgreementsRequest(), as: district)
            #expect(listed.agreements.isEmpty)
        }
    }
}
