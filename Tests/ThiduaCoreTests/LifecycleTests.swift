import Testing
@testable import ThiduaCore
import ThiduaCoreAPI
import ThiduaWire

/// The campaign and review state machines, without a server.
@Suite struct LifecycleTests {
    @Test func aCampaignMovesOneStepAtATime() throws {
        var state = CampaignState.draft
        for next in [CampaignState.launched, .inProgress, .interimReviewed, .closed] {
            state = try CampaignLifecycle.advance(from: state, to: next)
        }
        #expect(state == .closed)
        for (from, to) in [(CampaignState.draft, CampaignState.inProgress), (.launched, .closed), (.closed, .closed), (.inProgress, .launched)] {
            #expect(throws: RPCError.self) { try CampaignLifecycle.advance(from: from, to: to) }
            do { _ = try CampaignLifecycle.advance(from: from, to: to) } catch { #expect(error.details.first?.rule == "campaign.transition") }
        }
    }

    @Test func aSchoolYearHasTwoRoundsAndACalendarYearOne() {
        let school = CampaignLifecycle.rounds(kind: .schoolYear, year: 2021)
        #expect(school.map { "\($0.startsOn)..\($0.endsOn)" } == ["2021-09-01..2022-01-15", "2022-01-16..2022-08-31"])
        let year = CampaignLifecycle.rounds(kind: .calendarYear, year: 2024)
        #expect(year.map { "\($0.startsOn)..\($0.endsOn)" } == ["2024-01-01..2024-12-31"])
    }

    @Test func approvalsClimbTheLevelsAndTheLastDecides() throws {
        var review = ReviewLifecycle.submitted(levels: 2)
        var steps: [String] = []
        for action in [ReviewLifecycle.Action.approve, .approve, .publish] {
            let (next, step) = try review.applying(action)
            review = next
            steps.append(step)
        }
        #expect(steps == ["approved", "decided", "published"])
        #expect(review.state == .published && review.currentLevel == 2 && review.round == 1)
    }

    @Test func aRejectionNeedsAReasonAndAResubmissionRestartsTheChain() throws {
        let first = try ReviewLifecycle.submitted(levels: 3).applying(.approve).next
        #expect(throws: RPCError.self) { try first.applying(.reject(reason: "")) }
        let rejected = try first.applying(.reject(reason: "thiếu minh chứng")).next
        #expect(rejected.state == .rejected)
        #expect(throws: RPCError.self) { try rejected.applying(.approve) }
        let again = try rejected.applying(.resubmit).next
        #expect(again.state == .inReview && again.currentLevel == 0 && again.round == 2)
    }

    @Test func aPublishedReviewNeverChanges() throws {
        let published = try ReviewLifecycle.submitted(levels: 1).applying(.approve).next.applying(.publish).next
        for action in [ReviewLifecycle.Action.approve, .reject(reason: "x"), .resubmit, .publish] {
            do {
                _ = try published.applying(action)
                Issue.record("a published review accepted \(action)")
            } catch {
                #expect(error.details.first?.rule == "review.published_immutable")
            }
        }
    }

    @Test func onlyADecidedReviewIsPublished() {
        let inReview = ReviewLifecycle.submitted(levels: 2)
        #expect(throws: RPCError.self) { try inReview.applying(.publish) }
        #expect(throws: RPCError.self) { try inReview.applying(.resubmit) }
    }

    @Test func percentOfPlanIsRoundedToOneDecimal() {
        #expect(ProgressStore.percent(7_929, of: 1_500) == 528.6)
        #expect(ProgressStore.percent(1, of: 3) == 33.3)
        #expect(ProgressStore.percent(5, of: 0) == 0)
    }
}
