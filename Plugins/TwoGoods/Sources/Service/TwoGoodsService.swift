import Foundation
import ThiduaModuleKit
import TwoGoodsAPI

/// `thidua.two_goods.v1.TwoGoods`. Every mutating method goes through `core.mutate`, every read
/// through `core.read`, and every unit and member a request names is checked against the key's
/// subtree by the core.
struct TwoGoodsService: TwoGoodsHandlers {
    let core: any CoreAccess
    let clock: @Sendable () -> Date

    /// The award form of a commendation whose request names none: Giấy khen.
    static let defaultCommendationForm = "giay_khen"

    /// Today in Vietnam.
    var today: CalendarDate { CalendarDate(self.clock()) }
}

/// A participation with what every call about it needs.
struct LoadedParticipation {
    let record: ParticipationRecord
    /// The school, inside the key's subtree.
    let school: UnitReference
    let campaign: CampaignReference
    /// The rules in force for the school year.
    let rules: TwoGoodsRules

    var lifecycle: SchoolYearLifecycle { self.record.lifecycle(windows: self.campaign.rounds) }
    var message: SchoolParticipation { self.record.message(windows: self.campaign.rounds, schoolName: self.school.name) }
}

extension TwoGoodsService {
    /// The participation named by `field`, if its school is in the key's subtree. For a change
    /// (`changing`), the school must still take part (see ``SchoolEligibility``).
    func participation(
        _ id: String, field: String, within principal: Principal, changing: Bool, in db: Database
    ) throws -> LoadedParticipation {
        let record = try ParticipationStore.require(id, field: field, in: db)
        let school = try self.core.unit(record.schoolUnitID, within: principal, field: field, in: db)
        let campaign = try self.campaign(record.campaignID, field: field, within: principal, in: db)
        let rules = try RuleSetStore.inForce(on: campaign.startsOn, in: db)
        if changing {
            try SchoolEligibility.check(school, rules: rules, field: field)
        }
        return LoadedParticipation(record: record, school: school, campaign: campaign, rules: rules)
    }

    /// A campaign of this module: over a school year (rules `campaign.module`, `campaign.period`),
    /// and launched and not closed when `running` (`campaign.running`).
    func campaign(_ campaignID: String, field: String, running: Bool = false, within principal: Principal, in db: Database) throws -> CampaignReference {
        try self.core.campaign(campaignID, of: TwoGoodsModule.moduleID, running: running, period: .schoolYear, within: principal, field: field, in: db)
    }

    /// The subtree a listing or report covers: `unitID`, or the key's root when empty.
    func subtree(_ unitID: String, field: String, within principal: Principal, in db: Database) throws -> [UnitReference] {
        let root = try self.core.unit(unitID.isEmpty ? principal.scopeUnitID : unitID, within: principal, field: field, in: db)
        return try self.core.units(under: root.id, in: db)
    }
}
