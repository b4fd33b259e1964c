import InnovationAPI
import ThiduaModuleKit

/// `thidua.innovation.v1.InnovationTitles`: what initiatives contribute to titles and awards.
struct InnovationTitlesService: InnovationTitlesHandlers {
    let core: any CoreAccess

    /// The most members one condition check takes.
    static let maxMembers = 1000

    func checkEmulationSoldierCondition(
        _ request: EmulationSoldierConditionRequest, _ context: CallContext
    ) async throws -> EmulationSoldierConditionResponse {
        guard (1...Self.maxMembers).contains(request.memberIds.count) else {
            throw RPCError(
                .invalidArgument,
                "member_ids holds 1 to \(Self.maxMembers) members; this request has \(request.memberIds.count)",
                field: "member_ids",
                rule: "innovation.member_count",
                values: ["max": "\(Self.maxMembers)"]
            )
        }
        let period = try Fields.period(from: request.from, to: request.to)
        return try await self.core.read(context) { db, principal in
            let tree = UnitTree(core: self.core)
            var response = EmulationSoldierConditionResponse()
            for (index, memberID) in request.memberIds.enumerated() {
                let member = try self.core.member(memberID, within: principal, field: "member_ids[\(index)]", in: db)
                let recognised = try InitiativeStore.recognised(authoredBy: member.id, in: period, in: db)
                // The condition is a fact about the member; initiatives filed above the key's
                // subtree count toward it but are not named.
                let visible = try recognised.filter { try tree.isVisible($0.unitID, to: principal, in: db) }
                response.members.append(.with {
                    $0.memberID = member.id
                    $0.fullName = member.fullName
                    $0.meets = !recognised.isEmpty
                    $0.initiativeIds = visible.map(\.id)
                })
            }
            return response
        }
    }

    func setBenefitBands(_ request: BenefitBandSet, _ context: CallContext) async throws -> BenefitBandSet {
        let bands = try BenefitBands.check(request)
        return try await self.core.mutate(context, request: request) { db, principal in
            let scope = try self.core.requireRootKey(principal, setting: "the benefit bands", in: db)
            let earlier = try BenefitBandStore.replace(with: bands, in: db)
            let message = bands.message
            return Mutation.change(message, id: message.effectiveFrom, unitID: scope.id, old: earlier?.message)
        }
    }

    func listBenefitBandSets(_ request: ListBenefitBandSetsRequest, _ context: CallContext) async throws -> ListBenefitBandSetsResponse {
        try await self.core.read(context) { db, _ in
            let sets = try BenefitBandStore.all(in: db)
            return .with { $0.sets = sets.reversed().map(\.message) }
        }
    }

    func listCreativeLabourCandidates(
        _ request: CreativeLabourCandidatesRequest, _ context: CallContext
    ) async throws -> CreativeLabourCandidatesResponse {
        let period = try Fields.period(from: request.from, to: request.to)
        let page = try PageCursor(size: request.pageSize, token: request.pageToken)
        return try await self.core.read(context) { db, principal in
            let unit = try self.core.unit(request.unitID.isEmpty ? principal.scopeUnitID : request.unitID, within: principal, field: "unit_id", in: db)
            guard let bands = try BenefitBands.inForce(on: period.upperBound, among: BenefitBandStore.all(in: db)) else {
                throw RPCError(
                    .failedPrecondition,
                    "no benefit bands are in force on \(period.upperBound); set them with SetBenefitBands",
                    field: "to",
                    rule: "innovation.bands_in_force"
                )
            }
            let units = try self.core.units(under: unit.id, in: db).map(\.id)
            var candidates: [String: CreativeLabourCandidate] = [:]
            try db.forEach("""
                SELECT i.id, i.unit_id, i.benefit_vnd, a.member_id, a.full_name, a.share_percent, a.category
                FROM innovation_initiative i JOIN innovation_author a ON a.initiative_id = i.id
                WHERE i.unit_id IN \(list: units)
                  AND i.state IN (\(InitiativeState.recognised.rawValue), \(InitiativeState.published.rawValue))
                  AND i.recognised_on BETWEEN \(period.lowerBound) AND \(period.upperBound)
                ORDER BY i.id
                """) { row in
                let category = WorkerCategory(rawValue: try row["category"]) ?? .unspecified
                let benefit = UInt64(try row["benefit_vnd"] as Int64)
                let share: Int = try row["share_percent"]
                guard bands.qualifies(category: category, benefitVND: benefit, sharePercent: share) else { return }
                let memberID: String = try row["member_id"]
                let credited = bands.credited(benefitVND: benefit, sharePercent: share)
                var candidate = try candidates[memberID] ?? CreativeLabourCandidate.with {
                    $0.memberID = memberID
                    $0.fullName = try row["full_name"]
                }
                if credited > candidate.benefitVnd {
                    candidate.benefitVnd = credited
                    candidate.unitID = try row["unit_id"]
                    candidate.category = category
                    candidate.bandVnd = bands.thresholds[category] ?? 0
                }
                candidate.initiativeIds.append(InnovationID.initiative.id(try row["id"]))
                candidates[memberID] = candidate
            }
            let afterMember = try page.afterRow()
            let ordered = candidates.values
                .filter { InnovationID.number(of: $0.memberID) > afterMember }
                .sorted { InnovationID.number(of: $0.memberID) < InnovationID.number(of: $1.memberID) }
            let (served, next) = page.finish(Array(ordered.prefix(page.fetchLimit))) { InnovationID.number(of: $0.memberID) }
            return .with {
                $0.bands = bands.message
                $0.candidates = served
                $0.nextPageToken = next
            }
        }
    }
}
