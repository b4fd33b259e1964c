import Foundation
import ThiduaModuleKit
import TwoGoodsAPI

/// `thidua.two_goods.v1.TwoGoods`. Every mutating method goes through `core.mutate`, every read
/// through `core.read`, and every unit and member a request names is checked against the key's
/// subtree by the core.
struct TwoGoodsService: RegistrableService {
    let core: any CoreAccess
    let clock: @Sendable () -> Date

    static let name = "thidua.two_goods.v1.TwoGoods"
    /// The award form of a commendation whose request names none: Giấy khen.
    static let defaultCommendationForm = "giay_khen"

    var campaigns: CampaignAccess { CampaignAccess(core: self.core) }
    /// Today in Vietnam.
    var today: CalendarDate { CalendarDate(self.clock()) }

    func register(into registrar: inout ServiceRegistrar) {
        registrar.addDescriptorSet(base64: TwoGoodsProtoFiles.descriptorSetBase64)
        registrar.addService(Self.name) { service in
            service.unary(Methods.TwoGoods.TwoGoods.enrolSchool, permission: TwoGoodsPermissions.write, self.enrolSchool)
            service.unary(Methods.TwoGoods.TwoGoods.getParticipation, permission: TwoGoodsPermissions.read, self.getParticipation)
            service.unary(Methods.TwoGoods.TwoGoods.listParticipations, permission: TwoGoodsPermissions.read, self.listParticipations)
            service.unary(Methods.TwoGoods.TwoGoods.recordSchoolResult, permission: TwoGoodsPermissions.write, self.recordSchoolResult)
            service.unary(Methods.TwoGoods.TwoGoods.reviewSchoolRound, permission: TwoGoodsPermissions.review, self.reviewSchoolRound)
            service.unary(Methods.TwoGoods.TwoGoods.recordTeacher, permission: TwoGoodsPermissions.write, self.recordTeacher)
            service.unary(Methods.TwoGoods.TwoGoods.updateTeacherRecord, permission: TwoGoodsPermissions.write, self.updateTeacherRecord)
            service.unary(Methods.TwoGoods.TwoGoods.getTeacherRecord, permission: TwoGoodsPermissions.read, self.getTeacherRecord)
            service.unary(Methods.TwoGoods.TwoGoods.listTeacherRecords, permission: TwoGoodsPermissions.read, self.listTeacherRecords)
            service.unary(Methods.TwoGoods.TwoGoods.grantCommendation, permission: TwoGoodsPermissions.commend, self.grantCommendation)
            service.unary(Methods.TwoGoods.TwoGoods.listCommendations, permission: TwoGoodsPermissions.read, self.listCommendations)
            service.unary(Methods.TwoGoods.TwoGoods.getYearReport, permission: TwoGoodsPermissions.read, self.getYearReport)
            service.unary(Methods.TwoGoods.TwoGoods.setRuleSet, permission: TwoGoodsPermissions.manage, self.setRuleSet)
            service.unary(Methods.TwoGoods.TwoGoods.listRuleSets, permission: TwoGoodsPermissions.read, self.listRuleSets)
        }
    }
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
        let campaign = try self.campaigns.require(record.campaignID, field: field, within: principal, in: db)
        let rules = try RuleSetStore.inForce(on: campaign.startsOn, in: db)
        if changing {
            try SchoolEligibility.check(school, rules: rules, field: field)
        }
        return LoadedParticipation(record: record, school: school, campaign: campaign, rules: rules)
    }

    /// The subtree a listing or report covers: `unitID`, or the key's root when empty.
    func subtree(_ unitID: String, field: String, within principal: Principal, in db: Database) throws -> [UnitReference] {
        let root = try self.core.unit(unitID.isEmpty ? principal.scopeUnitID : unitID, within: principal, field: field, in: db)
        return try self.core.units(under: root.id, in: db)
    }
}
