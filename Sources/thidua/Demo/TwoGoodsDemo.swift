import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire
import TwoGoodsAPI

/// The two-goods part of `thidua demo`: the district's "Hai tốt" campaign of the 2021-2022 school
/// year over its 103 school unions, both rounds reviewed, two teachers recorded per school, and the
/// district's Giấy khen for 26 collectives and 58 individuals (seed 000).
///
/// The figures of the seed are the commendations; the schools' results and the teachers' records
/// are generated, deterministically.
enum TwoGoodsDemo: ModuleDemo {
    static let module = "two_goods"
    static let section = DemoReportSection.demoDistrict

    static let schoolYear: UInt32 = 2021
    static let commendedCollectives = 26
    static let commendedIndividuals = 58
    static let decisionNumber = "86/QĐ-LĐLĐ"
    static let decisionDate = "2022-06-10"


    static func load(into world: DemoWorld) async throws {
        let client = world.client
        let campaign = try await self.launchCampaign(world)
        let schools = self.schoolIDs(world)
        // Every fourth school is classified outstanding: 26 of 103, the collectives commended.
        func isOutstanding(_ index: Int) -> Bool { index % 4 == 0 }

        var participations: [String] = []
        var teachers: [[String]] = []
        for (index, schoolID) in schools.enumerated() {
            let participation = try await client.unary(Methods.TwoGoods.TwoGoods.enrolSchool, EnrolSchoolRequest.with {
                $0.campaignID = campaign.id
                $0.schoolUnitID = schoolID
                $0.enrolledOn = "2021-09-15"
            })
            participations.append(participation.id)
            // Teachers are recorded during the year: the final review closes their records.
            teachers.append(try await self.recordTeachers(of: schoolID, in: participation.id, index: index, using: client))
            let classification: SchoolClassification = isOutstanding(index) ? .outstanding : (index % 4 == 1 ? .completed : .good)
            try await self.runYear(of: participation.id, index: index, classification: classification, using: client)
        }
        standardError("two-goods teaching: \(schools.count) schools enrolled and reviewed, \(teachers.joined().count) teachers recorded\n")

        var collectives = 0
        for (index, participation) in participations.enumerated() where isOutstanding(index) && collectives < self.commendedCollectives {
            try await self.commend(participation, member: "", in: world, using: client)
            collectives += 1
        }
        var individuals = 0
        for (index, participation) in participations.enumerated() where individuals < self.commendedIndividuals {
            try await self.commend(participation, member: teachers[index][0], in: world, using: client)
            individuals += 1
        }
        standardError("two-goods teaching: Giấy khen for \(collectives) collectives and \(individuals) individuals\n")
    }

    static func printSummary(of world: DemoWorld) async throws {
        let report = try await world.client.unary(Methods.TwoGoods.TwoGoods.getYearReport, GetYearReportRequest.with {
            $0.unitID = world.districtID
            $0.schoolYear = self.schoolYear
        })
        let rounds = report.rounds
            .map { "round \($0.number): \($0.interimReviewed) interim and \($0.finalReviewed) final reviews, pass rate \($0.passRatePermille / 10).\($0.passRatePermille % 10)%" }
            .joined(separator: "; ")
        let levels = report.excellentTeachers
            .map { "\(self.levelName($0.level)) \($0.teachers)" }
            .joined(separator: ", ")
        standardOutput("""
              two-goods teaching ("Hai tốt"), school year \(report.schoolYearLabel):
                schools taking part: \(report.schoolsTakingPart) of \(report.eligibleSchools) school unions
                \(rounds)
                teacher records: \(report.teacherRecords); excellent teachers by level: \(levels); teaching initiatives: \(report.teachingInitiatives)
                training hours: \(Int(report.trainingHours)) (\(report.teachersMeetingTrainingRequirement) teachers met the \(Int(report.requiredTrainingHours)) hours a year); self-study hours: \(Int(report.selfStudyHours))
                Giấy khen of the district: \(report.commendedCollectives) collectives, \(report.commendedIndividuals) individuals

            """)
    }

    // MARK: Steps

    private static func launchCampaign(_ world: DemoWorld) async throws -> Campaign {
        let created = try await world.client.unary(Methods.Core.Campaigns.createCampaign, CreateCampaignRequest.with {
            $0.module = self.module
            $0.title = "Phong trào thi đua \"Hai tốt\" và xây dựng tổ chức Công đoàn vững mạnh năm học 2021-2022"
            $0.launchingUnitID = world.districtID
            $0.periodKind = .schoolYear
            $0.year = self.schoolYear
            $0.metric = "trường hoàn thành năm học"
        })
        _ = try await world.client.unary(Methods.Core.Campaigns.launchCampaign, LaunchCampaignRequest.with {
            $0.id = created.id
            $0.decisionNumber = "52/KH-LĐLĐ"
            $0.decisionDate = "2021-09-08"
        })
        return try await world.client.unary(Methods.Core.Campaigns.advanceCampaign, AdvanceCampaignRequest.with {
            $0.id = created.id
            $0.to = .inProgress
            $0.reason = "năm học 2021-2022 bắt đầu"
        })
    }

    /// The school unions "TS-TH1" to "TS-TH103", in order.
    private static func schoolIDs(_ world: DemoWorld) -> [String] {
        world.unitIDsByCode
            .compactMap { code, id in code.hasPrefix("TS-TH") ? Int(code.dropFirst(5)).map { ($0, id) } : nil }
            .sorted { $0.0 < $1.0 }
            .map(\.1)
    }

    /// Both rounds: the collective result, the interim review, the final review.
    private static func runYear(of participationID: String, index: Int, classification: SchoolClassification, using client: ThiduaClient) async throws {
        let students = UInt32(180 + (index * 37) % 420)
        let reviews: [(round: UInt32, interim: String, final: String)] = [(1, "2021-11-19", "2022-01-21"), (2, "2022-03-25", "2022-05-27")]
        for review in reviews {
            let passed = students - UInt32((index + Int(review.round)) % 6)
            _ = try await client.unary(Methods.TwoGoods.TwoGoods.recordSchoolResult, RecordSchoolResultRequest.with {
                $0.participationID = participationID
                $0.round = review.round
                $0.result = .with {
                    $0.classification = classification
                    $0.students = students
                    $0.studentsPassed = passed
                    $0.studentsExcellent = passed * UInt32(25 + index % 10) / 100
                    $0.goodLessons = UInt32(20 + index % 15)
                }
            })
            for (kind, date) in [(RoundReviewKind.interimReview, review.interim), (.finalReview, review.final)] {
                _ = try await client.unary(Methods.TwoGoods.TwoGoods.reviewSchoolRound, ReviewSchoolRoundRequest.with {
                    $0.participationID = participationID
                    $0.round = review.round
                    $0.kind = kind
                    $0.heldOn = date
                    $0.summary = kind == .interimReview ? "Sơ kết đợt thi đua \(review.round)" : "Tổng kết đợt thi đua \(review.round)"
                })
            }
        }
    }

    /// Two teachers of the school: the first with excellent-teacher results (school level; district
    /// level at every other school; province level at every ninth), the second with a teaching
    /// initiative. Returns their member ids.
    private static func recordTeachers(of schoolID: String, in participationID: String, index: Int, using client: ThiduaClient) async throws -> [String] {
        let members = try await client.unary(Methods.Core.Members.listMembers, ListMembersRequest.with {
            $0.unitID = schoolID
            $0.page.pageSize = 2
        })
        var recorded: [String] = []
        for (position, member) in members.members.enumerated() {
            var levels: [ContestLevel] = []
            if position == 0 {
                levels.append(.schoolLevel)
                if index % 2 == 0 { levels.append(.districtLevel) }
                if index % 9 == 0 { levels.append(.provinceLevel) }
            }
            _ = try await client.unary(Methods.TwoGoods.TwoGoods.recordTeacher, RecordTeacherRequest.with {
                $0.participationID = participationID
                $0.memberID = member.id
                $0.excellentTeacherResults = levels.map { level in
                    .with {
                        $0.level = level
                        $0.decidedOn = level == .schoolLevel ? "2021-11-26" : (level == .districtLevel ? "2022-01-07" : "2022-03-18")
                        $0.reference = level == .schoolLevel ? "QĐ công nhận GV dạy giỏi cấp trường" : "QĐ công nhận GV dạy giỏi"
                    }
                }
                if position == 1 {
                    $0.initiatives = [.with {
                        $0.title = "Đổi mới sáng tạo trong dạy và học"
                        $0.level = .schoolLevel
                        $0.reference = "QĐ công nhận sáng kiến kinh nghiệm 2021-2022"
                    }]
                }
                $0.selfStudyHours = Double(30 + (index * 7 + position * 11) % 40)
                $0.trainingHours = Double(position == 0 ? 120 + index % 5 * 4 : 96 + index % 7 * 6)
                $0.evidence = ["Giấy chứng nhận bồi dưỡng thường xuyên năm học 2021-2022"]
            })
            recorded.append(member.id)
        }
        return recorded
    }

    private static func commend(_ participationID: String, member memberID: String, in world: DemoWorld, using client: ThiduaClient) async throws {
        _ = try await client.unary(Methods.TwoGoods.TwoGoods.grantCommendation, GrantCommendationRequest.with {
            $0.participationID = participationID
            $0.memberID = memberID
            $0.formCode = "giay_khen"
            $0.issuingUnitID = world.districtID
            $0.decisionNumber = self.decisionNumber
            $0.decisionDate = self.decisionDate
            $0.reason = "Thành tích xuất sắc trong phong trào thi đua \"Hai tốt\" và xây dựng tổ chức Công đoàn vững mạnh năm học 2021-2022"
        })
    }

    private static func levelName(_ level: ContestLevel) -> String {
        switch level {
        case .schoolLevel: "school"
        case .districtLevel: "district"
        case .provinceLevel: "province"
        default: "other"
        }
    }
}
