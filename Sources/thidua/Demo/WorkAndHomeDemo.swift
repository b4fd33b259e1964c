import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire
import WorkAndHomeAPI

/// The "Giỏi việc nước, đảm việc nhà" part of `thidua demo`: the campaign of 2022 in LĐLĐ huyện
/// Triệu Sơn (seed 000, where 12,923 of the 14,690 union members are women and the campaign is one
/// of the district's three main ones), over five of its grassroots unions. The seed gives no
/// figures of the campaign itself: who registers and how far each goes are made up.
enum WorkAndHomeDemo: ModuleDemo {
    static let module = "work_and_home"
    static let section = DemoReportSection.demoDistrict
    static let year = 2022

    /// How far a registration goes.
    enum Outcome {
        case registered
        /// Self-assessed with one criterion not met: not proposed.
        case unmet(String)
        case inReview
        /// Returned by the district with this reason, not yet sent in again.
        case returned(String)
        case recognised
    }

    /// Per grassroots union (by code), one outcome per woman member, in the order they are listed.
    static let plan: [(code: String, outcomes: [Outcome])] = [
        ("TS-TH1", [.recognised, .recognised, .recognised, .recognised, .returned("Bổ sung giấy công nhận Gia đình văn hóa"), .registered]),
        ("TS-TH2", [.recognised, .recognised, .recognised, .inReview, .unmet("community")]),
        ("TS-X1", [.recognised, .recognised, .returned("Thiếu nhận xét của thủ trưởng đơn vị"), .registered]),
        ("TS-CQ1", [.recognised, .recognised, .inReview]),
        ("TS-DN1", [.recognised, .unmet("family"), .registered, .registered]),
    ]

    /// Launches the district's campaign and runs every registration of the plan over the wire.
    static func load(into world: DemoWorld) async throws {
        let client = world.client
        let draft = try await client.unary(Methods.Core.Campaigns.createCampaign, CreateCampaignRequest.with {
            $0.module = Self.module
            $0.title = "Giỏi việc nước, đảm việc nhà"
            $0.launchingUnitID = world.districtID
            $0.periodKind = .calendarYear
            $0.year = UInt32(Self.year)
            $0.metric = "đoàn viên nữ được công nhận"
        })
        _ = try await client.unary(Methods.Core.Campaigns.launchCampaign, LaunchCampaignRequest.with {
            $0.id = draft.id; $0.decisionNumber = "08/KH-LĐLĐ"; $0.decisionDate = "\(Self.year)-01-10"
        })
        for (code, outcomes) in Self.plan {
            let members = try await client.unary(Methods.Core.Members.listMembers, ListMembersRequest.with {
                $0.unitID = world.unitIDsByCode[code]!; $0.page.pageSize = 1000
            })
            let women = members.members.filter { $0.gender == .female && $0.unionMember && $0.leftOn.isEmpty }
            for (member, outcome) in zip(women, outcomes) {
                let id = try await client.unary(Methods.WorkAndHome.Registrations.registerMember, RegisterWorkAndHomeRequest.with {
                    $0.campaignID = draft.id; $0.memberID = member.id; $0.registeredOn = "\(Self.year)-02-15"
                }).id
                if case .registered = outcome { continue }
                var unmet: String?
                if case .unmet(let code) = outcome { unmet = code }
                _ = try await client.unary(Methods.WorkAndHome.Registrations.selfAssess, SelfAssessWorkAndHomeRequest.with {
                    $0.id = id
                    $0.assessments = ["work", "family", "community"].map { criterion in
                        .with {
                            $0.criterionCode = criterion
                            $0.met = criterion != unmet
                            $0.evidence = criterion == unmet ? [] : ["Biên bản bình xét của Công đoàn cơ sở, tiêu chí \(criterion)"]
                        }
                    }
                })
                if case .unmet = outcome { continue }
                let review = try await client.unary(Methods.WorkAndHome.Registrations.propose, ProposeWorkAndHomeRequest.with { $0.id = id }).reviewID
                switch outcome {
                case .recognised:
                    _ = try await client.unary(Methods.Core.Reviews.approveReview, ApproveReviewRequest.with { $0.id = review })
                    _ = try await client.unary(Methods.Core.Reviews.publishReview, PublishReviewRequest.with { $0.id = review })
                case .returned(let reason):
                    _ = try await client.unary(Methods.Core.Reviews.rejectReview, RejectReviewRequest.with { $0.id = review; $0.reason = reason })
                default: break
                }
            }
        }
        standardError("work and home: \(Self.plan.map(\.outcomes.count).reduce(0, +)) women members registered over \(Self.plan.count) grassroots unions\n")
    }

    /// The district's lines, from the module's report.
    static func printSummary(of world: DemoWorld) async throws {
        let report = try await world.client.unary(Methods.WorkAndHome.Reports.registrationReport, WorkAndHomeReportRequest.with {
            $0.unitID = world.districtID; $0.year = UInt32(Self.year)
        })
        func line(_ figures: WorkAndHomeFigures) -> String {
            "\(figures.registered) registered, \(figures.recognised) recognised, \(figures.inReview) in review, \(figures.returned) returned"
        }
        let lines = ["  \"Giỏi việc nước, đảm việc nhà\" \(Self.year): " + line(report.total)]
            + report.units.map { "    \($0.unitName): " + line($0.figures) }
        standardOutput(lines.joined(separator: "\n") + "\n")
    }
}
