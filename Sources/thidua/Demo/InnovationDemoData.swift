import InnovationAPI

/// The initiatives of the demo, generated deterministically from the report of LĐLĐ huyện Triệu
/// Sơn (seed 000): in the first phase of the programme "01 triệu sáng kiến", the district's workers
/// took part with 7,929 initiatives against the 1,500 the province planned, 528.6% of plan.
///
/// Each grassroots union gets a register decided by the district's council; enterprises file more
/// initiatives than schools, schools more than offices. Every initiative was first applied inside
/// the school year 2021-2022, so each counts.
enum InnovationDemoData {
    static let recognised = 7_929
    static let planned = 1_500
    static let decisionNumber = "68/QĐ-LĐLĐ"
    static let decisionDate = "2022-06-30"
    /// The period the titles are judged over: the school year.
    static let periodFrom = "2021-09-01"
    static let periodTo = "2022-08-31"

    /// One grassroots union: its code (see DemoData), its members, and how many initiatives it files.
    struct UnionRegister {
        let code: String
        let unitID: String
        let memberIDs: [String]
        let initiatives: Int
        let target: Int
    }

    /// Splits `total` over `weights` by largest remainder, so the parts add up exactly.
    static func apportion(_ total: Int, by weights: [Int]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return weights.map { _ in 0 } }
        var parts = weights.map { $0 * total / sum }
        let remainders = weights.enumerated().map { ($0.offset, $0.element * total % sum) }
        for (index, _) in remainders.sorted(by: { ($0.1, $1.0) > ($1.1, $0.0) }).prefix(total - parts.reduce(0, +)) {
            parts[index] += 1
        }
        return parts
    }

    /// The weight of a union's drive: by sector, varied a little from one union to the next.
    static func weight(code: String, index: Int) -> Int {
        let sector = code.hasPrefix("TS-DN") ? 30 : code.hasPrefix("TS-TH") ? 20 : code.hasPrefix("TS-CQ") ? 15 : 10
        return sector * (8 + (index * 7) % 5)
    }

    private static let actions = [
        "Cải tiến quy trình", "Ứng dụng công nghệ thông tin trong", "Giải pháp nâng cao hiệu quả", "Đổi mới cách tổ chức",
        "Số hóa hồ sơ", "Tiết kiệm chi phí trong", "Bảo đảm an toàn vệ sinh lao động trong", "Sắp xếp lại",
        "Chuẩn hóa biểu mẫu", "Tự động hóa khâu",
    ]
    private static let topicsBySector: [String: [String]] = [
        "TS-DN": ["may mũ giày", "cắt da", "kiểm tra chất lượng", "quản lý kho vật tư", "bảo trì máy", "đóng gói", "vận chuyển nội bộ", "chấm công", "phân ca", "xử lý phế liệu", "đào tạo công nhân mới", "tiết kiệm điện"],
        "TS-TH": ["dạy học môn Toán", "dạy học môn Ngữ văn", "dạy học môn Tiếng Anh", "chủ nhiệm lớp", "quản lý bán trú", "thư viện trường", "kiểm tra đánh giá", "hoạt động trải nghiệm", "chăm sóc trẻ mầm non", "bồi dưỡng học sinh giỏi", "phụ đạo học sinh yếu", "sinh hoạt tổ chuyên môn"],
        "TS-CQ": ["tiếp nhận hồ sơ", "lưu trữ văn bản", "thu ngân sách", "giải quyết thủ tục", "quản lý tài sản công", "báo cáo thống kê", "họp trực tuyến", "kiểm soát chi", "tuyên truyền pháp luật", "quản lý dự án"],
        "TS-X": ["một cửa xã", "địa chính", "hộ tịch", "quản lý đất đai", "phòng chống dịch Covid-19", "vệ sinh môi trường", "xây dựng nông thôn mới", "văn hóa công sở", "quản lý văn thư", "chi trả chính sách"],
    ]

    /// The decided register of one union, in filing order.
    static func register(of union: UnionRegister, unionIndex: Int) -> [DecidedInitiative] {
        let prefix = ["TS-DN", "TS-TH", "TS-CQ", "TS-X"].first { union.code.hasPrefix($0) } ?? "TS-X"
        let topics = self.topicsBySector[prefix]!
        let combinations = self.actions.count * topics.count
        return (0..<union.initiatives).map { number in
            let seed = unionIndex * 7_919 + number * 104_729
            let combination = number % combinations
            var title = "\(self.actions[combination % self.actions.count]) \(topics[combination / self.actions.count])"
            if number >= combinations { title += " (mô hình \(number / combinations + 1))" }
            let kind: InitiativeKind = prefix == "TS-DN"
                ? (number % 3 == 0 ? .operational : .technical)
                : [.managerial, .operational, .appliedTechnology, .technical][number % 4]
            let first = union.memberIDs[(number * 2) % union.memberIDs.count]
            let second = union.memberIDs[(number * 2 + 1) % union.memberIDs.count]
            // One initiative in three has two authors, sharing it 60/40.
            let pair = number % 3 == 0 && first != second
            let authors: [(member: String, share: Int)] = pair ? [(first, 60), (second, 40)] : [(first, 100)]
            // Applied between September and mid-June, before the council sat.
            let dayOfSchoolYear = seed % 285
            let month = [9, 10, 11, 12, 1, 2, 3, 4, 5, 6][min(dayOfSchoolYear / 30, 9)]
            return DecidedInitiative.with {
                $0.title = title
                $0.summary = "Sáng kiến của \(union.code) trong chương trình \"01 triệu sáng kiến\""
                $0.kind = kind
                $0.authors = authors.enumerated().map { index, author in
                    InitiativeAuthor.with {
                        $0.memberID = author.member
                        $0.sharePercent = UInt32(author.share)
                        $0.category = index == 0 && number % 11 == 5 ? .technicalStaff : .directWorker
                    }
                }
                $0.application = number % 9 == 4 ? .trialApplied : .applied
                $0.firstAppliedOn = String(format: "%04d-%02d-%02d", month >= 9 ? 2021 : 2022, month, 1 + dayOfSchoolYear % 28)
                // 2 to 120 million đồng, most of them small.
                $0.benefitVnd = UInt64(2 + (seed % 97) * (seed % 97) / 80) * 1_000_000
            }
        }
    }
}
