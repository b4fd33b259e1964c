import ThiduaModuleKit

/// `thidua.green_clean.v1.Reports`: registered vs recognised, per year and sector.
struct ReportsService: ReportsHandlers, ModuleService {
    let context: ModuleContext

    static let maxYears = 50

    func recognitionReport(_ request: GreenCleanReportRequest, _ context: CallContext) async throws -> GreenCleanReportResponse {
        let from = Int(request.fromYear)
        let to = Int(request.toYear)
        guard (1900...2999).contains(from), (from...2999).contains(to), to - from < Self.maxYears else {
            throw RPCError(
                .invalidArgument,
                "from_year and to_year must be years with from_year <= to_year, at most \(Self.maxYears) years; got \(from) to \(to)",
                field: "to_year",
                rule: "green_clean.year_range",
                values: ["max": "\(Self.maxYears)"]
            )
        }
        let core = self.core
        return try await core.read(context) { db, principal in
            let root = try core.unit(request.unitID.isEmpty ? principal.scopeUnitID : request.unitID, within: principal, field: "unit_id", in: db)
            let sectors = Dictionary(uniqueKeysWithValues: try core.units(under: root.id, in: db).map { ($0.id, $0.sector.rawValue) })
            let entries = try RegistrationStore.all(unitIDs: Array(sectors.keys), years: from...to, in: db).map {
                RecognitionTally.Entry(unitID: $0.unitID, year: $0.year, lifecycle: $0.lifecycle)
            }
            let tally = RecognitionTally(entries, years: from...to, sectorOfUnit: sectors)
            return GreenCleanReportResponse.with {
                $0.unitID = root.id
                $0.fromYear = UInt32(from)
                $0.toYear = UInt32(to)
                $0.years = tally.years.map(\.message)
                $0.unitsRegistered = UInt32(tally.unitsRegistered)
                $0.unitsRecognised = UInt32(tally.unitsRecognised)
            }
        }
    }
}

extension RecognitionTally.Year {
    var message: GreenCleanYearFigures {
        GreenCleanYearFigures.with {
            $0.year = UInt32(self.year)
            $0.total = self.total.message
            $0.sectors = self.bySector.keys.sorted().map { sector in
                GreenCleanSectorFigures.with {
                    $0.sector = UInt32(sector)
                    $0.figures = self.bySector[sector]!.message
                }
            }
        }
    }
}

extension RecognitionTally.Figures {
    var message: GreenCleanFigures {
        GreenCleanFigures.with {
            $0.registered = UInt32(self.registered)
            $0.submitted = UInt32(self.submitted)
            $0.appraised = UInt32(self.appraised)
            $0.proposed = UInt32(self.proposed)
            $0.recognised = UInt32(self.recognised)
            $0.notRecognised = UInt32(self.notRecognised)
            $0.proposedUpward = UInt32(self.proposedUpward)
        }
    }
}
