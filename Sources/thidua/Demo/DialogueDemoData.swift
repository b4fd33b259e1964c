import DialogueAPI
import ThiduaCoreAPI

/// The figures of the dialogue module's demo: LĐLĐ quận Thanh Xuân (Hà Nội), seed 002. The article
/// reports that the district federation ran workplace dialogue under Decree 149/2018 and worked to
/// raise the quality of collective bargaining in its enterprises, but it names no enterprise and
/// gives no count: the eight enterprises below, their headcounts and their agreements are
/// illustrative, chosen so that each rule and each state of the module appears once.
enum DialogueDemoData {
    struct Enterprise {
        let code: String
        let name: String
        let sector: Sector
        /// Employees on 1 January 2019, 2024 and 2025.
        let employees: [UInt32]
    }

    /// One collective agreement as far as it got.
    struct Bargaining {
        let code: String
        let requestedOn: String
        /// The agreement of the same enterprise this one renews, by its position in `agreements`.
        let renews: Int?
        let sessions: [String]
        let draftedOn: String?
        let clauses: [AgreementClause]
        /// (date, in favour, against), in order.
        let votes: [(String, UInt32, UInt32)]
        /// (signed, effective from, term in months, filed).
        let signing: (String, String, UInt32, String)?
        /// The end of a continuation while the renewal is bargained.
        let continuedUntil: String?
    }

    /// A dialogue of 2025: planned, and if `held`, held and its minutes published.
    struct Dialogue {
        let code: String
        let kind: DialogueKind
        var event: WorkplaceEvent = .unspecified
        var requestedOn = ""
        let plannedOn: String
        let delegation: UInt32
        let agenda: String
        /// (representatives present, minutes published on); nil while only planned.
        let held: (UInt32, String)?
    }

    static let provinceCode = "HN"
    static let districtCode = "HN-TX"
    /// The day of the report: the last day of the district federations, which the reform of
    /// 1 July 2025 abolished.
    static let reportDate = "2025-06-30"
    static let headcountDates = ["2019-01-01", "2024-01-01", "2025-01-01"]
    static let campaignTitle = "Đối thoại định kỳ tại nơi làm việc năm 2025"
    static let authority = "Sở Lao động – Thương binh và Xã hội thành phố Hà Nội"

    static let enterprises: [Enterprise] = [
        .init(code: "HN-TX-DN01", name: "CĐCS Công ty CP Cơ khí Nhân Chính", sector: .stateEnterprise, employees: [600, 612, 620]),
        .init(code: "HN-TX-DN02", name: "CĐCS Công ty TNHH May Khương Trung", sector: .nonStateEnterprise, employees: [1_180, 1_210, 1_240]),
        .init(code: "HN-TX-DN03", name: "CĐCS Công ty CP Dược phẩm Thượng Đình", sector: .nonStateEnterprise, employees: [290, 301, 310]),
        .init(code: "HN-TX-DN04", name: "CĐCS Công ty TNHH Điện tử Hạ Đình", sector: .foreignInvestedEnterprise, employees: [160, 172, 180]),
        .init(code: "HN-TX-DN05", name: "CĐCS Công ty CP In và Bao bì Kim Giang", sector: .nonStateEnterprise, employees: [88, 92, 95]),
        .init(code: "HN-TX-DN06", name: "CĐCS Công ty TNHH MTV Nước sạch Thanh Xuân", sector: .stateEnterprise, employees: [395, 410, 420]),
        .init(code: "HN-TX-DN07", name: "CĐCS Công ty CP Thực phẩm Khương Đình", sector: .nonStateEnterprise, employees: [38, 40, 42]),
        .init(code: "HN-TX-DN08", name: "CĐCS Công ty TNHH Xây dựng Phương Liệt", sector: .nonStateEnterprise, employees: [58, 63, 65]),
    ]

    static let agreements: [Bargaining] = [
        // 0. Khương Trung's first agreement (2021-2024), renewed by 1.
        .init(
            code: "HN-TX-DN02", requestedOn: "2021-02-01", renews: nil, sessions: ["2021-02-03", "2021-02-22"], draftedOn: "2021-02-24",
            clauses: [clause(1, "Tiền lương và phụ cấp", .wages, true), clause(2, "Thưởng Tết", .bonuses, true), clause(3, "Thời giờ làm việc", .workingHours, false)],
            votes: [("2021-03-01", 820, 95)], signing: ("2021-03-05", "2021-03-15", 36, "2021-03-10"), continuedUntil: nil
        ),
        // 1. Its renewal, in force to 2027: grade A.
        .init(
            code: "HN-TX-DN02", requestedOn: "2024-01-08", renews: 0, sessions: ["2024-01-10", "2024-01-31"], draftedOn: "2024-02-19",
            clauses: [
                clause(1, "Tiền lương tối thiểu cao hơn vùng 8%", .wages, true, months: 12), clause(2, "Thưởng Tết tối thiểu 1 tháng lương", .bonuses, true),
                clause(3, "Bữa ăn ca 30.000 đồng", .meals, true), clause(4, "Quà sinh nhật, hiếu hỉ", .welfare, true),
                clause(5, "Thêm 2 ngày nghỉ phép năm", .restAndLeave, true), clause(6, "Thời giờ làm việc", .workingHours, false),
            ],
            votes: [("2024-02-26", 905, 120)], signing: ("2024-03-01", "2024-03-15", 36, "2024-03-06"), continuedUntil: nil
        ),
        // 2. Nhân Chính: expires 31 August 2025, within 90 days of the report; renewed by 3.
        .init(
            code: "HN-TX-DN01", requestedOn: "2022-07-04", renews: nil, sessions: ["2022-07-06", "2022-07-20"], draftedOn: "2022-08-01",
            clauses: [
                clause(1, "Tiền lương", .wages, true), clause(2, "Bữa ăn ca", .meals, true), clause(3, "Thời giờ làm việc", .workingHours, false),
                clause(4, "An toàn, vệ sinh lao động", .occupationalSafety, false),
            ],
            votes: [("2022-08-10", 420, 60)], signing: ("2022-08-25", "2022-09-01", 36, "2022-08-30"), continuedUntil: nil
        ),
        // 3. Its renewal, in negotiation in the renewal window.
        .init(code: "HN-TX-DN01", requestedOn: "2025-06-09", renews: 2, sessions: ["2025-06-11", "2025-06-25"], draftedOn: nil, clauses: [], votes: [], signing: nil, continuedUntil: nil),
        // 4. Thượng Đình: expired 30 April 2025, continued while its renewal (5) is bargained.
        .init(
            code: "HN-TX-DN03", requestedOn: "2022-04-04", renews: nil, sessions: ["2022-04-06"], draftedOn: "2022-04-18",
            clauses: [clause(1, "Tiền lương", .wages, true), clause(2, "Phúc lợi", .welfare, true), clause(3, "Nghỉ phép", .restAndLeave, false)],
            votes: [("2022-04-22", 201, 40)], signing: ("2022-04-26", "2022-05-01", 36, "2022-05-04"), continuedUntil: "2025-07-29"
        ),
        // 5. The renewal: its first vote won 140 of 310 employees, not a majority of all of them.
        .init(
            code: "HN-TX-DN03", requestedOn: "2025-03-03", renews: 4, sessions: ["2025-03-05", "2025-03-26"], draftedOn: "2025-04-14",
            clauses: [clause(1, "Tiền lương theo vị trí việc làm mới", .wages, true), clause(2, "Chế độ khi tái cơ cấu", .welfare, true)],
            votes: [("2025-04-22", 140, 95)], signing: nil, continuedUntil: nil
        ),
        // 6. Hạ Đình (foreign-invested): in force to 2026, grade C.
        .init(
            code: "HN-TX-DN04", requestedOn: "2023-09-04", renews: nil, sessions: ["2023-09-06"], draftedOn: "2023-09-18",
            clauses: [clause(1, "Bữa ăn ca", .meals, true), clause(2, "Tiền lương", .wages, false)],
            votes: [("2023-09-22", 118, 20)], signing: ("2023-09-26", "2023-10-01", 36, "2023-10-02"), continuedUntil: nil
        ),
        // 7. Nước sạch Thanh Xuân (state): in force to 2027, grade A.
        .init(
            code: "HN-TX-DN06", requestedOn: "2024-06-03", renews: nil, sessions: ["2024-06-05"], draftedOn: "2024-06-17",
            clauses: [
                clause(1, "Tiền lương", .wages, true, months: 12), clause(2, "Thưởng", .bonuses, true), clause(3, "Bữa ăn ca", .meals, true),
                clause(4, "Phúc lợi", .welfare, true), clause(5, "Trang bị bảo hộ lao động", .occupationalSafety, true),
                clause(6, "Đào tạo nâng bậc", .training, true),
            ],
            votes: [("2024-06-21", 332, 30)], signing: ("2024-06-25", "2024-07-01", 36, "2024-06-28"), continuedUntil: nil
        ),
        // 8. Phương Liệt: expired 31 December 2024, not renewed.
        .init(
            code: "HN-TX-DN08", requestedOn: "2021-11-01", renews: nil, sessions: ["2021-11-03"], draftedOn: "2021-11-15",
            clauses: [clause(1, "Tiền lương", .wages, true)],
            votes: [("2021-11-19", 41, 5)], signing: ("2021-11-25", "2022-01-01", 36, "2021-11-30"), continuedUntil: nil
        ),
        // 9. Kim Giang: a first bargaining under way.
        .init(code: "HN-TX-DN05", requestedOn: "2025-05-05", renews: nil, sessions: ["2025-05-07", "2025-06-04"], draftedOn: nil, clauses: [], votes: [], signing: nil, continuedUntil: nil),
    ]

    static let dialogues: [Dialogue] = [
        .init(code: "HN-TX-DN03", kind: .onEvent, event: .restructuring, plannedOn: "2025-02-19", delegation: 9, agenda: "Phương án tái cơ cấu dây chuyền viên nén", held: (9, "2025-02-21")),
        .init(code: "HN-TX-DN01", kind: .periodic, plannedOn: "2025-03-12", delegation: 21, agenda: "Tiền lương, điều kiện làm việc năm 2025", held: (19, "2025-03-14")),
        .init(code: "HN-TX-DN02", kind: .periodic, plannedOn: "2025-04-16", delegation: 27, agenda: "Tăng ca mùa cao điểm, bữa ăn ca", held: (25, "2025-04-18")),
        .init(code: "HN-TX-DN04", kind: .periodic, plannedOn: "2025-05-21", delegation: 11, agenda: "Nhà ở, xe đưa đón công nhân", held: (10, "2025-05-23")),
        .init(code: "HN-TX-DN07", kind: .onRequest, requestedOn: "2025-05-26", plannedOn: "2025-06-03", delegation: 3, agenda: "Chi trả lương làm thêm giờ", held: (3, "2025-06-05")),
        .init(code: "HN-TX-DN06", kind: .periodic, plannedOn: "2025-06-18", delegation: 16, agenda: "An toàn lao động mùa nắng nóng", held: (14, "2025-06-20")),
        .init(code: "HN-TX-DN05", kind: .periodic, plannedOn: "2025-07-15", delegation: 6, agenda: "Quy chế thưởng", held: nil),
        .init(code: "HN-TX-DN03", kind: .periodic, plannedOn: "2025-09-17", delegation: 15, agenda: "Thỏa ước mới, việc làm sau tái cơ cấu", held: nil),
    ]

    private static func clause(_ number: UInt32, _ title: String, _ topic: ClauseTopic, _ favourable: Bool, months: UInt32 = 0) -> AgreementClause {
        .with {
            $0.number = number
            $0.title = title
            $0.topic = topic
            $0.moreFavourableThanLaw = favourable
            $0.termMonths = months
        }
    }
}
