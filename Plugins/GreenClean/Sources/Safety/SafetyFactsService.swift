import ThiduaModuleKit

/// `thidua.green_clean.v1.SafetyFacts`: the hard disqualifiers, recorded as facts.
struct SafetyFactsService: SafetyFactsHandlers, ModuleService {
    let context: ModuleContext

    /// The fields of a new fact, checked: an incident has its day, a count of cases its year.
    struct CheckedFact {
        var kind: SafetyFact.Kind
        var year: Int
        var occurredOn: CalendarDate?
        var cases: Int

        init(_ request: RecordGreenCleanSafetyFactRequest, today: CalendarDate) throws(RPCError) {
            let kindValue = try Fields.known(request.kind, field: "kind")
            self.kind = SafetyFact.Kind(rawValue: kindValue.rawValue)!
            if self.kind.isIncident {
                guard !request.occurredOn.isEmpty else {
                    throw RPCError(.invalidArgument, "an accident, fire or explosion needs occurred_on", field: "occurred_on", rule: "field.required")
                }
                let day = try Fields.pastDate(request.occurredOn, field: "occurred_on", today: today)
                guard request.year == 0 || Int(request.year) == day.year else {
                    throw RPCError(
                        .invalidArgument,
                        "year is \(request.year) but occurred_on is in \(day.year); leave year at 0 for an incident",
                        field: "year",
                        rule: "green_clean.fact_fields"
                    )
                }
                guard request.cases == 0 else {
                    throw RPCError(.invalidArgument, "cases counts occupational-disease cases only", field: "cases", rule: "green_clean.fact_fields")
                }
                self.occurredOn = day
                self.year = day.year
                self.cases = 0
            } else {
                guard request.occurredOn.isEmpty else {
                    throw RPCError(
                        .invalidArgument,
                        "occupational-disease cases are counted over a year; set year, not occurred_on",
                        field: "occurred_on",
                        rule: "green_clean.fact_fields"
                    )
                }
                guard (1900...today.year).contains(Int(request.year)) else {
                    throw RPCError(
                        .invalidArgument,
                        "year must be from 1900 to this year (\(today.year)); got \(request.year)",
                        field: "year",
                        rule: "green_clean.fact_year"
                    )
                }
                self.occurredOn = nil
                self.year = Int(request.year)
                self.cases = Int(request.cases)
            }
        }
    }

    func recordSafetyFact(_ request: RecordGreenCleanSafetyFactRequest, _ context: CallContext) async throws -> GreenCleanSafetyFact {
        let today = self.today
        let checked = try CheckedFact(request, today: today)
        let description = try Fields.text(request.description_p, field: "description", maxLength: 1000)
        let reference = try Fields.optionalText(request.reference, field: "reference", maxLength: 300) ?? ""
        let core = self.core
        return try await core.mutate(context, request: request) { db, principal in
            let unit = try core.unit(request.unitID, within: principal, field: "unit_id", in: db)
            if checked.kind == .occupationalDiseaseCases,
                let existing = try SafetyFactStore.liveDiseaseCount(unitID: unit.id, year: checked.year, in: db)
            {
                throw RPCError(
                    .alreadyExists,
                    "the occupational-disease cases of unit \(unit.id) for \(checked.year) are recorded (\(existing.fact.id)); retract that fact to correct it",
                    field: "year",
                    rule: "green_clean.fact_unique"
                )
            }
            let record = try SafetyFactStore.insert(
                unitID: unit.id, kind: checked.kind, year: checked.year, occurredOn: checked.occurredOn, cases: checked.cases,
                description: description, reference: reference, recordedOn: today, in: db
            )
            let message = record.message
            return Mutation.change(message, id: message.id, unitID: unit.id)
        }
    }

    func retractSafetyFact(_ request: RetractGreenCleanSafetyFactRequest, _ context: CallContext) async throws -> GreenCleanSafetyFact {
        let today = self.today
        let reason = try Fields.note(request.reason, field: "reason")
        guard !reason.isEmpty else {
            throw RPCError(.invalidArgument, "a reason is required", field: "reason", rule: "green_clean.reason_required")
        }
        let core = self.core
        return try await core.mutate(context, request: request) { db, principal in
            let before = try SafetyFactStore.require(request.id, field: "id", in: db)
            _ = try core.unit(before.fact.unitID, within: principal, field: "id", in: db)
            guard !before.fact.isRetracted else {
                throw RPCError(
                    .failedPrecondition,
                    "fact \(before.fact.id) was retracted on \(before.message.retractedOn)",
                    field: "id",
                    rule: "green_clean.fact_retracted"
                )
            }
            let after = try SafetyFactStore.retract(before, on: today, reason: reason, in: db)
            return Mutation.change(after.message, id: after.fact.id, unitID: after.fact.unitID, old: before.message, reason: reason)
        }
    }

    func listSafetyFacts(_ request: ListGreenCleanSafetyFactsRequest, _ context: CallContext) async throws -> ListGreenCleanSafetyFactsResponse {
        let cursor = try PageCursor(size: request.pageSize, token: request.pageToken)
        let core = self.core
        return try await core.read(context) { db, principal in
            let root = try core.unit(request.unitID.isEmpty ? principal.scopeUnitID : request.unitID, within: principal, field: "unit_id", in: db)
            let rows = try SafetyFactStore.list(
                unitIDs: core.units(under: root.id, in: db).map(\.id),
                year: request.year == 0 ? nil : Int(request.year),
                includeRetracted: request.includeRetracted,
                cursor: cursor,
                in: db
            )
            let (page, next) = cursor.finish(rows) { $0.row }
            return ListGreenCleanSafetyFactsResponse.with {
                $0.facts = page.map(\.message)
                $0.nextPageToken = next
            }
        }
    }
}
