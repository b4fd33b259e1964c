import Testing
import ThiduaClient
import ThiduaTesting
import ThiduaWire

@testable import Dialogue

/// Workplace dialogues through the wire: every rule, and the refusals leave nothing behind.
@Suite struct DialoguesWireTests {
    @Test func aPeriodicDialogueFromPlanToPublishedMinutes() async throws {
        try await DialogueFixture.with { f, org in
            let planned = try await f.planPeriodic(org.garmentID)
            #expect(planned.id.hasPrefix("dl"))
            #expect(planned.state == .planned)
            #expect(planned.employees == 250)
            #expect(planned.year == 2025)
            let held = try await f.hold(planned.id, present: 8)
            #expect(held.state == .held)
            #expect(held.heldOn == "2025-03-14")
            let closed = try await f.publish(planned.id, publishedOn: "2025-03-19")
            #expect(closed.state == .minutesPublished)
            #expect(closed.minutesPublishedOn == "2025-03-19")
            let fetched = try await f.call(Methods.Dialogue.Dialogues.getDialogue, .with { $0.id = planned.id })
            #expect(fetched == closed)
            // One audit record per call, the last with the state before it.
            let audit = try await f.audit(of: planned.id)
            #expect(audit.count == 3)
            #expect(audit[2].oldValueJson.contains("DIALOGUE_STATE_HELD"))
        }
    }

    @Test func theDelegationFollowsTheHeadcountBand() async throws {
        try await DialogueFixture.with { f, org in
            // 250 employees: 9 to 13 representatives.
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.delegation_size") {
                _ = try await f.planPeriodic(org.garmentID, delegation: 8)
            }
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.delegation_size") {
                _ = try await f.planPeriodic(org.garmentID, delegation: 14)
            }
            try await f.expectRefusal(.invalidArgument, rule: "dialogue.delegation_positive") {
                _ = try await f.planPeriodic(org.garmentID, delegation: 0)
            }
            // No headcount, no periodic dialogue.
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.headcount_required") {
                _ = try await f.planPeriodic(org.electronicsID, delegation: 9)
            }
            #expect(try await f.planPeriodic(org.garmentID, delegation: 13).delegationSize == 13)
            // The band of the planned date: before the headcount of 2025 there was none.
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.headcount_required") {
                _ = try await f.planPeriodic(org.garmentID, on: "2024-12-20", delegation: 9)
            }
        }
    }

    @Test func aPeriodicDialogueIsHeldOnlyWithItsQuorum() async throws {
        try await DialogueFixture.with { f, org in
            let planned = try await f.planPeriodic(org.garmentID)
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.periodic_quorum") {
                _ = try await f.hold(planned.id, present: 7)
            }
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.periodic_quorum") {
                _ = try await f.hold(planned.id, present: 10, employer: false)
            }
            try await f.expectRefusal(.invalidArgument, rule: "dialogue.attendance") {
                _ = try await f.hold(planned.id, present: 11)
            }
            try await f.expectRefusal(.invalidArgument, rule: "date.future") {
                _ = try await f.hold(planned.id, on: "2025-07-01")
            }
            let held = try await f.hold(planned.id, present: 8)
            #expect(held.representativesPresent == 8)
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.state") {
                _ = try await f.hold(planned.id, present: 9)
            }
        }
    }

    @Test func minutesAreSignedByBothSidesAndPublishedWithinThreeWorkingDays() async throws {
        try await DialogueFixture.with { f, org in
            let planned = try await f.planPeriodic(org.garmentID)
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.state") {
                _ = try await f.publish(planned.id)
            }
            _ = try await f.hold(planned.id)
            // Friday 14 March 2025: the third working day after is Wednesday 19 March.
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.minutes_publication_deadline") {
                _ = try await f.publish(planned.id, publishedOn: "2025-03-20")
            }
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.date_order") {
                _ = try await f.publish(planned.id, signedOn: "2025-03-13")
            }
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.minutes_signatures") {
                _ = try await f.call(Methods.Dialogue.Dialogues.publishDialogueMinutes, .with {
                    $0.id = planned.id
                    $0.signedByEmployer = true
                    $0.signedOn = "2025-03-14"
                    $0.publishedOn = "2025-03-17"
                    $0.summary = "Biên bản đối thoại"
                })
            }
            try await f.expectRefusal(.invalidArgument, rule: "field.required") {
                _ = try await f.call(Methods.Dialogue.Dialogues.publishDialogueMinutes, .with {
                    $0.id = planned.id
                    $0.signedByEmployer = true
                    $0.signedByEmployeeRepresentatives = true
                    $0.signedOn = "2025-03-14"
                    $0.publishedOn = "2025-03-17"
                })
            }
            #expect(try await f.publish(planned.id, publishedOn: "2025-03-19").state == .minutesPublished)
        }
    }

    @Test func dialoguesOnRequestAndOnEventCarryTheirFacts() async throws {
        try await DialogueFixture.with { f, org in
            func plan(_ build: (inout PlanDialogueRequest) -> Void) async throws -> WorkplaceDialogue {
                var request = PlanDialogueRequest.with {
                    $0.unitID = org.garmentID
                    $0.plannedOn = "2025-05-06"
                    $0.delegationSize = 5
                }
                build(&request)
                return try await f.call(Methods.Dialogue.Dialogues.planDialogue, request)
            }
            try await f.expectRefusal(.invalidArgument, rule: "field.enum") {
                _ = try await plan { _ in }
            }
            try await f.expectRefusal(.invalidArgument, rule: "dialogue.event_required") {
                _ = try await plan { $0.kind = .onEvent }
            }
            try await f.expectRefusal(.invalidArgument, rule: "dialogue.event_only_on_event") {
                _ = try await plan {
                    $0.kind = .onRequest
                    $0.event = .workRules
                }
            }
            try await f.expectRefusal(.invalidArgument, rule: "dialogue.request_required") {
                _ = try await plan { $0.kind = .onRequest }
            }
            try await f.expectRefusal(.invalidArgument, rule: "dialogue.request_only_on_request") {
                _ = try await plan {
                    $0.kind = .periodic
                    $0.delegationSize = 10
                    $0.requestedBy = .employer
                }
            }
            let onEvent = try await plan {
                $0.kind = .onEvent
                $0.event = .payScalesAndNorms
            }
            #expect(onEvent.event == .payScalesAndNorms)
            let onRequest = try await plan {
                $0.kind = .onRequest
                $0.requestedBy = .employeeRepresentatives
                $0.requestedOn = "2025-04-28"
            }
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.date_order") {
                _ = try await f.hold(onRequest.id, on: "2025-04-25", present: 2)
            }
            try await f.expectRefusal(.invalidArgument, rule: "dialogue.attendance") {
                _ = try await f.hold(onEvent.id, on: "2025-05-06", present: 6)
            }
            // Not periodic: no quorum, no employer's representative required.
            #expect(try await f.hold(onRequest.id, on: "2025-05-06", present: 2, employer: false).state == .held)
        }
    }

    @Test func aPlannedDialogueIsChangedByMaskOrCancelledWithAReason() async throws {
        try await DialogueFixture.with { f, org in
            let planned = try await f.planPeriodic(org.garmentID, on: "2025-09-12")
            try await f.expectRefusal(.invalidArgument, rule: "field.required") {
                _ = try await f.call(Methods.Dialogue.Dialogues.updateDialogue, .with { $0.id = planned.id })
            }
            try await f.expectRefusal(.invalidArgument, rule: "update_mask.field") {
                _ = try await f.call(Methods.Dialogue.Dialogues.updateDialogue, .with {
                    $0.id = planned.id
                    $0.updateMask = ["state"]
                })
            }
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.delegation_size") {
                _ = try await f.call(Methods.Dialogue.Dialogues.updateDialogue, .with {
                    $0.id = planned.id
                    $0.delegationSize = 20
                    $0.updateMask = ["delegation_size"]
                })
            }
            let moved = try await f.call(Methods.Dialogue.Dialogues.updateDialogue, .with {
                $0.id = planned.id
                $0.plannedOn = "2025-10-03"
                $0.agenda = "Nội quy lao động sửa đổi"
                $0.delegationSize = 99
                $0.updateMask = ["planned_on", "agenda"]
                $0.reason = "Trùng lịch kiểm tra an toàn"
            })
            #expect(moved.plannedOn == "2025-10-03")
            #expect(moved.agenda == "Nội quy lao động sửa đổi")
            #expect(moved.delegationSize == 10)
            #expect(try await f.audit(of: planned.id).last?.reason == "Trùng lịch kiểm tra an toàn")
            try await f.expectRefusal(.invalidArgument, rule: "field.required") {
                _ = try await f.call(Methods.Dialogue.Dialogues.cancelDialogue, .with { $0.id = planned.id })
            }
            let cancelled = try await f.call(Methods.Dialogue.Dialogues.cancelDialogue, .with {
                $0.id = planned.id
                $0.reason = "Doanh nghiệp tạm ngừng sản xuất"
            })
            #expect(cancelled.state == .cancelled)
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.state") {
                _ = try await f.call(Methods.Dialogue.Dialogues.updateDialogue, .with {
                    $0.id = planned.id
                    $0.agenda = "x"
                    $0.updateMask = ["agenda"]
                })
            }
        }
    }

    @Test func dialoguesAreFoundByIdOnlyInsideTheKeysSubtree() async throws {
        try await DialogueFixture.with { f, org in
            _ = try await f.recordHeadcount(org.elsewhereID, 90, asOf: "2025-01-01")
            let elsewhere = try await f.planPeriodic(org.elsewhereID, delegation: 5)
            let district = try await f.client(scopedTo: org.districtID, permissions: [DialoguePermissions.read, DialoguePermissions.write])
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree") {
                _ = try await f.call(Methods.Dialogue.Dialogues.getDialogue, .with { $0.id = elsewhere.id }, as: district)
            }
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree") {
                _ = try await f.call(Methods.Dialogue.Dialogues.cancelDialogue, .with {
                    $0.id = elsewhere.id
                    $0.reason = "x"
                }, as: district)
            }
            try await f.expectRefusal(.notFound, rule: "dialogue.dialogue_exists") {
                _ = try await f.call(Methods.Dialogue.Dialogues.getDialogue, .with { $0.id = "dl999" })
            }
            try await f.expectRefusal(.invalidArgument, rule: "id.format") {
                _ = try await f.call(Methods.Dialogue.Dialogues.getDialogue, .with { $0.id = "ag1" })
            }
            let listed = try await f.call(Methods.Dialogue.Dialogues.listDialogues, ListDialoguesRequest(), as: district)
            #expect(listed.dialogues.isEmpty)
        }
    }

    @Test func listingsArePagedAndTheCalendarShowsTheYear() async throws {
        try await DialogueFixture.with { f, org in
            _ = try await f.recordHeadcount(org.electronicsID, 180, asOf: "2024-01-01")
            _ = try await f.recordHeadcount(org.garmentID, 250, asOf: "2024-01-01")
            let lastYear = try await f.planPeriodic(org.garmentID, on: "2024-11-15", delegation: 10)
            let thisYear = try await f.planPeriodic(org.garmentID, on: "2025-03-14")
            _ = try await f.hold(thisYear.id)
            let planned = try await f.planPeriodic(org.electronicsID, on: "2025-11-20", delegation: 9)

            var seen: [String] = []
            var token = ""
            repeat {
                let page = try await f.call(Methods.Dialogue.Dialogues.listDialogues, .with {
                    $0.pageSize = 2
                    $0.pageToken = token
                })
                #expect(page.dialogues.count <= 2)
                seen += page.dialogues.map(\.id)
                token = page.nextPageToken
            } while !token.isEmpty
            #expect(seen == [lastYear.id, thisYear.id, planned.id])
            let only2025 = try await f.call(Methods.Dialogue.Dialogues.listDialogues, .with { $0.year = 2025 })
            #expect(only2025.dialogues.map(\.id) == [thisYear.id, planned.id])
            try await f.expectRefusal(.invalidArgument, rule: "page.size.max") {
                _ = try await f.call(Methods.Dialogue.Dialogues.listDialogues, .with { $0.pageSize = 1001 })
            }
            try await f.expectRefusal(.invalidArgument, rule: "page.token") {
                _ = try await f.call(Methods.Dialogue.Dialogues.listDialogues, .with { $0.pageToken = "bm90IGEgcm93" })
            }

            let calendar = try await f.call(Methods.Dialogue.Dialogues.getDialogueCalendar, .with {
                $0.unitID = org.districtID
            })
            #expect(calendar.year == 2025)
            // The school is not an enterprise; the two enterprises are listed in tree order.
            #expect(calendar.enterprises.map(\.unitID) == [org.garmentID, org.electronicsID])
            #expect(calendar.enterprises.map(\.periodicDialogueHeld) == [true, false])
            #expect(calendar.enterprises.map(\.periodicDialogueMissed) == [false, false])
            #expect(calendar.enterprises[1].delegationBand.minDelegates == 9)
            let past = try await f.call(Methods.Dialogue.Dialogues.getDialogueCalendar, .with {
                $0.unitID = org.districtID
                $0.year = 2024
            })
            // 2024 is over and its one dialogue was never held.
            #expect(past.enterprises.map(\.periodicDialogueMissed) == [true, true])
            #expect(past.enterprises[0].dialogues.map(\.id) == [lastYear.id])
        }
    }
}
