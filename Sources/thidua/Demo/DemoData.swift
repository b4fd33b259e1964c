import ThiduaCoreAPI

/// The demo organisation, built from the report of LĐLĐ huyện Triệu Sơn (Thanh Hóa) for the
/// 2021-2022 school year (seed 000): 174 grassroots unions, 34 in communes and towns, 10 in
/// agencies, 27 in non-state enterprises and 103 in schools; 16,479 workers of whom 14,573 women;
/// 14,690 union members of whom 12,923 women (87.9%); 5 emulation clusters.
///
/// The people are generated, deterministically, to add up to those figures.
struct DemoData {
    static let provinceCode = "TH"
    static let districtCode = "TH-TS"

    struct Figures {
        var communes = 34, agencies = 10, enterprises = 27, schools = 103
        var workers = 16_479, womenWorkers = 14_573
        var members = 14_690, womenMembers = 12_923
    }

    static let figures = Figures()

    private static let communeNames = [
        "Thị trấn Triệu Sơn", "Thị trấn Nưa", "Dân Lực", "Dân Lý", "Dân Quyền", "Hợp Lý", "Hợp Tiến", "Hợp Thắng",
        "Hợp Thành", "Minh Sơn", "Minh Châu", "Thọ Dân", "Thọ Thế", "Thọ Tân", "Thọ Ngọc", "Thọ Cường",
        "Thọ Phú", "Thọ Vực", "Thọ Sơn", "Thọ Bình", "Xuân Thịnh", "Xuân Lộc", "Xuân Thọ", "Khuyến Nông",
        "Tân Ninh", "Đồng Lợi", "Đồng Tiến", "Đồng Thắng", "Tiến Nông", "An Nông", "Thái Hòa", "Vân Sơn",
        "Bình Sơn", "Triệu Thành",
    ]
    private static let familyNames = ["Nguyễn", "Lê", "Trần", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Ngô", "Lương", "Trịnh", "Đặng"]
    private static let womenNames = ["Hoa", "Lan", "Mai", "Hương", "Hằng", "Thu", "Linh", "Nga", "Yến", "Thảo", "Hạnh", "Dung"]
    private static let menNames = ["Hùng", "Dũng", "Minh", "Nam", "Tuấn", "Sơn", "Hải", "Long", "Quang", "Thắng"]

    /// The grassroots unions CSV for `thidua.core.v1.Import/ImportUnits`, under the district.
    static func unitsCSV() -> String {
        var lines = ["code,parent_code,name,kind,sector,valid_from"]
        for (code, name, sector) in self.grassrootsUnions() {
            lines.append("\(code),\(districtCode),\(name),GRASSROOTS_UNION,\(sector),2000-01-01")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// (code, name, sector) of the 174 grassroots unions.
    static func grassrootsUnions() -> [(String, String, String)] {
        let figures = self.figures
        var units: [(String, String, String)] = []
        for index in 0..<figures.communes {
            units.append(("TS-X\(index + 1)", "Công đoàn \(index < 2 ? "" : "xã ")\(self.communeNames[index])", "COMMUNE_TOWN"))
        }
        let agencies = ["Phòng Giáo dục và Đào tạo", "Trung tâm Y tế", "Bảo hiểm Xã hội", "Kho bạc Nhà nước", "Chi cục Thuế",
                        "Phòng Tài chính", "Ban Quản lý dự án", "Trung tâm Văn hóa", "Phòng Nông nghiệp", "Viện Kiểm sát"]
        for index in 0..<figures.agencies {
            units.append(("TS-CQ\(index + 1)", "Công đoàn \(agencies[index]) huyện Triệu Sơn", "PUBLIC_AGENCY"))
        }
        for index in 0..<figures.enterprises {
            units.append(("TS-DN\(index + 1)", "Công đoàn Công ty TNHH \(self.communeNames[index % self.communeNames.count]) số \(index + 1)", "NON_STATE_ENTERPRISE"))
        }
        let levels = ["Mầm non", "Tiểu học", "THCS"]
        for index in 0..<figures.schools {
            let place = self.communeNames[(index / 3) % self.communeNames.count]
            let level = index < 102 ? levels[index % 3] : "THPT"
            units.append(("TS-TH\(index + 1)", "Công đoàn Trường \(level) \(place)\(index >= 102 ? " \(index - 101)" : "")", "SCHOOL"))
        }
        return units
    }

    /// The members CSV: every worker, the union members among them, spread over the unions.
    static func membersCSV() -> String {
        let figures = self.figures
        let units = self.grassrootsUnions().map(\.0)
        var lines = ["unit_code,full_name,gender,role,union_member,joined_on"]
        lines.reserveCapacity(figures.workers + 1)
        let menMembers = figures.members - figures.womenMembers
        let womenWorkersOutside = figures.womenWorkers - figures.womenMembers
        let menWorkersOutside = (figures.workers - figures.members) - womenWorkersOutside
        // Four groups, dealt round-robin over the units so each has a share of every group.
        let groups: [(count: Int, woman: Bool, member: Bool)] = [
            (figures.womenMembers, true, true), (menMembers, false, true),
            (womenWorkersOutside, true, false), (menWorkersOutside, false, false),
        ]
        var person = 0
        for group in groups {
            for _ in 0..<group.count {
                let family = self.familyNames[person % self.familyNames.count]
                let given = group.woman
                    ? "Thị \(self.womenNames[(person / 7) % self.womenNames.count])"
                    : "Văn \(self.menNames[(person / 7) % self.menNames.count])"
                let joined = group.member ? String(format: "%04d-%02d-01", 2000 + person % 22, 1 + person % 12) : ""
                lines.append("\(units[person % units.count]),\(family) \(given),\(group.woman ? "nữ" : "nam"),,\(group.member),\(joined)")
                person += 1
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The five emulation clusters: communes and towns; agencies with enterprises; schools in three.
    static func clusters() -> [(name: String, codes: [String])] {
        let units = self.grassrootsUnions()
        let communes = units.filter { $0.2 == "COMMUNE_TOWN" }.map(\.0)
        let others = units.filter { $0.2 == "PUBLIC_AGENCY" || $0.2 == "NON_STATE_ENTERPRISE" }.map(\.0)
        let schools = units.filter { $0.2 == "SCHOOL" }.map(\.0)
        return [
            ("Cụm thi đua số 1: xã, thị trấn", communes),
            ("Cụm thi đua số 2: cơ quan, doanh nghiệp", others),
            ("Cụm thi đua số 3: trường học", Array(schools[0..<35])),
            ("Cụm thi đua số 4: trường học", Array(schools[35..<70])),
            ("Cụm thi đua số 5: trường học", Array(schools[70...])),
        ]
    }
}
