import GreenCleanAPI
import SwiftProtobuf
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire

/// The green-clean-beautiful part of the demo, from the report of LĐLĐ huyện Quan Hóa (Thanh Hóa,
/// seed 001): "Sáng, Xanh, Sạch, Đẹp", 14 units registered over 2021-2022, 4 recognised in 2021
/// with a Giấy khen, 5 proposed for recognition in 2022.
///
/// Creates the district and its grassroots unions under the province, a campaign for each year,
/// and runs every registration through the module's lifecycle over the wire. The names of the
/// units other than Trường Tiểu học Trung Sơn, the scores and the decision numbers after the
/// launch plan (Kế hoạch số 05/KH-LĐLĐ, 01/3/2021) are made up for the demo.
enum GreenCleanDemo: ModuleDemo {
    static let module = "green_clean"
    static let section = DemoReportSection.ownHeading

    static let districtCode = "TH-QH"
    static let districtName = "Liên đoàn Lao động huyện Quan Hóa"
    static let campaignTitle = "Sáng, Xanh, Sạch, Đẹp"

    /// How far a registration goes in the demo.
    enum Outcome {
        /// Registered only.
        case registered
        case selfAssessed
        case submitted
        /// Returned for fixes, with the reason, and not yet resubmitted.
        case returned(String)
        /// Appraised and declined, with the criterion cut and why.
        case declined(cut: (String, UInt32), reason: String)
        /// A disqualifying accident on that day stops the proposal; declined.
        case disqualified(accidentOn: String)
        case proposed
        /// Returned once, fixed, resubmitted, then recognised.
        case recognisedAfterReturn
        case recognised
    }

    /// (code, name, sector) of the grassroots unions the demo creates.
    static let units: [(String, String, Sector)] = [
        ("QH-TH1", "Công đoàn Trường Tiểu học Trung Sơn", .school),
        ("QH-TH2", "Công đoàn Trường Mầm non Hồi Xuân", .school),
        ("QH-TH3", "Công đoàn Trường THCS Phú Nghiêm", .school),
        ("QH-TH4", "Công đoàn Trường Tiểu học Nam Xuân", .school),
        ("QH-TH5", "Công đoàn Trường THPT Quan Hóa", .school),
        ("QH-CQ1", "Công đoàn cơ quan UBND huyện Quan Hóa", .publicAgency),
        ("QH-CQ2", "Công đoàn Trung tâm Y tế huyện Quan Hóa", .publicAgency),
        ("QH-CQ3", "Công đoàn Phòng Giáo dục và Đào tạo huyện Quan Hóa", .publicAgency),
        ("QH-CQ4", "Công đoàn Kho bạc Nhà nước Quan Hóa", .publicAgency),
        ("QH-CQ5", "Công đoàn Ban Quản lý rừng phòng hộ Quan Hóa", .publicAgency),
        ("QH-X1", "Công đoàn thị trấn Hồi Xuân", .communeTown),
        ("QH-X2", "Công đoàn xã Phú Nghiêm", .communeTown),
        ("QH-X3", "Công đoàn xã Thành Sơn", .communeTown),
        ("QH-DN1", "Công đoàn Điện lực Quan Hóa", .stateEnterprise),
        ("QH-DN2", "Công đoàn Công ty TNHH Xây dựng Hồi Xuân", .nonStateEnterprise),
    ]

    /// 2021: 8 registered, 4 recognised. 2022: the 4 not recognised try again with 6 newcomers,
    /// 5 proposed. 14 distinct units in all; QH-TH5 never registers.
    static let plan: [Int: [(String, Outcome)]] = [
        2021: [
            ("QH-TH1", .recognisedAfterReturn),
            ("QH-CQ1", .recognised),
            ("QH-CQ2", .recognised),
            ("QH-X1", .recognised),
            ("QH-TH2", .declined(cut: ("X", 6), reason: "Khuôn viên chưa đủ cây xanh: 94 điểm, dưới mức 96")),
            ("QH-DN1", .disqualified(accidentOn: "2021-08-12")),
            ("QH-CQ3", .returned("Bổ sung biên bản tự kiểm tra ATVSLĐ")),
            ("QH-X2", .selfAssessed),
        ],
        2022: [
            ("QH-TH2", .proposed),
            ("QH-CQ3", .proposed),
            ("QH-TH3", .proposed),
            ("QH-CQ4", .proposed),
            ("QH-X3", .proposed),
            ("QH-TH4", .declined(cut: ("PCCN", 7), reason: "Chưa có phương án PCCC được phê duyệt: 93 điểm")),
            ("QH-DN1", .submitted),
            ("QH-X2", .selfAssessed),
            ("QH-CQ5", .registered),
            ("QH-DN2", .submitted),
        ],
    ]

    static func load(into world: DemoWorld) async throws {
        let client = world.client
        let district = try await client.unary(Methods.Core.Units.createUnit, .with {
            $0.parentID = world.provinceID
            $0.name = Self.districtName
            $0.kind = .districtFederation
            $0.code = Self.districtCode
            $0.validFrom = "1990-01-01"
        })
        var unitIDs: [String: String] = [:]
        for (code, name, sector) in Self.units {
            let unit = try await client.unary(Methods.Core.Units.createUnit, .with {
                $0.parentID = district.id
                $0.name = name
                $0.kind = .grassrootsUnion
                $0.sector = sector
                $0.code = code
                $0.validFrom = "2000-01-01"
            })
            unitIDs[code] = unit.id
        }
        for year in Self.plan.keys.sorted() {
            let campaignID = try await Self.launchCampaign(year: year, districtID: district.id, using: client)
            for (code, outcome) in Self.plan[year]! {
                try await Self.run(outcome, unitID: unitIDs[code]!, campaignID: campaignID, year: year, using: client)
            }
            if year == 2021 {
                for state in [CampaignState.inProgress, .interimReviewed, .closed] {
                    _ = try await client.unary(Methods.Core.Campaigns.advanceCampaign, .with {
                        $0.id = campaignID
                        $0.to = state
                        $0.reason = "Tổng kết phong trào năm 2021"
                    })
                }
            }
        }
        standardError("green_clean: created \(Self.districtName) with \(Self.units.count) grassroots unions and ran \(Self.plan.values.map(\.count).reduce(0, +)) registrations of 2021-2022\n")
    }

    static func printSummary(of world: DemoWorld) async throws {
        let client = world.client
        let units = try await client.unary(Methods.Core.Units.listUnits, .with {
            $0.rootID = world.provinceID
            $0.kind = .districtFederation
            $0.page.pageSize = 1000
        })
        guard let district = units.units.first(where: { $0.code == Self.districtCode }) else {
            standardOutput("\"\(Self.campaignTitle)\": the district \(Self.districtCode) is not loaded\n")
            return
        }
        let report = try await client.unary(Methods.GreenClean.Reports.recognitionReport, .with {
            $0.unitID = district.id
            $0.fromYear = 2021
            $0.toYear = 2022
        })
        var lines = ["\"\(Self.campaignTitle)\" — \(district.name) (\(district.id))"]
        for year in report.years {
            let total = year.total
            lines.append(
                "  \(year.year): \(total.registered) units registered, \(total.proposed) proposed for recognition, "
                    + "\(total.recognised) recognised with a Giấy khen"
            )
            lines.append("    by sector: " + year.sectors.map { "\(Self.sectorName($0.sector)) \($0.figures.registered)/\($0.figures.proposed)/\($0.figures.recognised)" }
                .joined(separator: ", ") + " (registered/proposed/recognised)")
        }
        lines.append("  \(report.fromYear)-\(report.toYear): \(report.unitsRegistered) units registered, \(report.unitsRecognised) recognised")
        standardOutput(lines.joined(separator: "\n") + "\n")
    }

    // MARK: Steps

    private static func launchCampaign(year: Int, districtID: String, using client: ThiduaClient) async throws -> String {
        let campaign = try await client.unary(Methods.Core.Campaigns.createCampaign, .with {
            $0.module = Self.module
            $0.title = Self.campaignTitle
            $0.launchingUnitID = districtID
            $0.periodKind = .calendarYear
            $0.year = UInt32(year)
            $0.metric = "đơn vị được công nhận"
        })
        _ = try await client.unary(Methods.Core.Campaigns.launchCampaign, .with {
            $0.id = campaign.id
            $0.decisionNumber = year == 2021 ? "05/KH-LĐLĐ" : "04/KH-LĐLĐ"
            $0.decisionDate = "\(year)-03-01"
        })
        return campaign.id
    }

    /// The default sheet (version 1, 100 points, recognised from 96) claimed in full, less `cut`.
    private static func claims(cut: (String, UInt32)? = nil) -> [GreenCleanScore] {
        let maxima: [(String, UInt32)] = [("TC", 10), ("X", 15), ("S1", 15), ("S2", 10), ("D", 15), ("AT", 20), ("PCCN", 15)]
        return maxima.map { code, max in
            GreenCleanScore.with {
                $0.criterionCode = code
                $0.points = code == cut?.0 ? max - cut!.1 : max
                $0.evidence = ["Biên bản tự kiểm tra tiêu chí \(code)"]
            }
        }
    }

    private static func run(_ outcome: Outcome, unitID: String, campaignID: String, year: Int, using client: ThiduaClient) async throws {
        func call<Request>(_ method: UnaryMethod<Request, GreenCleanRegistration>, _ request: Request) async throws -> GreenCleanRegistration {
            try await client.unary(method, request)
        }
        let registration = try await call(Methods.GreenClean.Registrations.registerUnit, GreenCleanRegisterRequest.with {
            $0.campaignID = campaignID
            $0.unitID = unitID
            $0.registeredOn = "\(year)-03-15"
        })
        let id = registration.id
        if case .registered = outcome { return }
        var cut: (String, UInt32)?
        if case .declined(let declinedCut, _) = outcome { cut = declinedCut }
        _ = try await call(Methods.GreenClean.Registrations.selfAssess, GreenCleanSelfAssessRequest.with { $0.id = id; $0.scores = Self.claims(cut: cut) })
        if case .selfAssessed = outcome { return }
        _ = try await call(Methods.GreenClean.Registrations.submit, GreenCleanSubmitRequest.with { $0.id = id })
        switch outcome {
        case .submitted:
            return
        case .returned(let reason):
            _ = try await call(Methods.GreenClean.Registrations.returnForFixes, GreenCleanReturnRequest.with { $0.id = id; $0.reason = reason })
            return
        case .recognisedAfterReturn:
            _ = try await call(Methods.GreenClean.Registrations.returnForFixes, GreenCleanReturnRequest.with {
                $0.id = id
                $0.reason = "Bổ sung ảnh khuôn viên và sổ theo dõi phân loại rác"
            })
            _ = try await call(Methods.GreenClean.Registrations.selfAssess, GreenCleanSelfAssessRequest.with { $0.id = id; $0.scores = Self.claims() })
            _ = try await call(Methods.GreenClean.Registrations.submit, GreenCleanSubmitRequest.with { $0.id = id; $0.note = "Đã bổ sung minh chứng" })
        default:
            break
        }
        _ = try await call(Methods.GreenClean.Registrations.appraise, GreenCleanAppraiseRequest.with { $0.id = id; $0.note = "Đoàn thẩm định LĐLĐ huyện" })
        switch outcome {
        case .declined(_, let reason):
            _ = try await call(Methods.GreenClean.Registrations.declineRecognition, GreenCleanDeclineRequest.with { $0.id = id; $0.reason = reason })
            return
        case .disqualified(let day):
            try await Self.declineAfterAccident(on: day, registration: registration, using: client)
            return
        default:
            break
        }
        _ = try await call(Methods.GreenClean.Registrations.proposeRecognition, GreenCleanProposeRequest.with {
            $0.id = id
            $0.note = "Ban Thường vụ LĐLĐ huyện đề nghị công nhận"
        })
        if case .proposed = outcome { return }
        _ = try await call(Methods.GreenClean.Registrations.recognise, GreenCleanRecogniseRequest.with {
            $0.id = id
            $0.decisionNumber = "125/QĐ-LĐLĐ"
            $0.decisionDate = "\(year)-12-20"
            $0.reason = "Công nhận đơn vị \"\(Self.campaignTitle)\" năm \(year)"
        })
    }

    /// Records the accident, shows that the server refuses the proposal because of it, and
    /// declines the registration with the fact the server named.
    private static func declineAfterAccident(on day: String, registration: GreenCleanRegistration, using client: ThiduaClient) async throws {
        _ = try await client.unary(Methods.GreenClean.SafetyFacts.recordSafetyFact, .with {
            $0.unitID = registration.unitID
            $0.kind = .seriousWorkAccident
            $0.occurredOn = day
            $0.description_p = "Tai nạn lao động nặng khi sửa chữa đường dây"
            $0.reference = "Biên bản điều tra TNLĐ số 03/BB-ĐTTNLĐ"
        })
        let reason: String
        do {
            _ = try await client.unary(Methods.GreenClean.Registrations.proposeRecognition, .with {
                $0.id = registration.id
            })
            throw CLIFailure.usage("the server proposed \(registration.id) despite a disqualifying accident")
        } catch let error as RPCError where error.details.first?.rule == "green_clean.disqualified" {
            reason = "Không xét công nhận: \(error.details.first!.description_p)"
        }
        _ = try await client.unary(Methods.GreenClean.Registrations.declineRecognition, .with {
            $0.id = registration.id
            $0.reason = reason
        })
    }

    private static func sectorName(_ number: UInt32) -> String {
        switch Sector(rawValue: Int(number)) {
        case .communeTown: "communes and towns"
        case .publicAgency: "agencies"
        case .nonStateEnterprise: "non-state enterprises"
        case .school: "schools"
        case .stateEnterprise: "state enterprises"
        case .foreignInvestedEnterprise: "foreign-invested enterprises"
        default: "other"
        }
    }
}
