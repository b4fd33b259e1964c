import DialogueAPI
import SwiftProtobuf
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire

/// The dialogue module's part of the demo (seed 002): Hà Nội's federation and quận Thanh Xuân
/// with eight enterprises, their headcounts, collective agreements and the dialogues of 2025,
/// reported as of 30 June 2025 by the module's coverage and expiring-agreements reports.
enum DialogueDemo: ModuleDemo {
    static let module = "dialogue"
    static let section = DemoReportSection.ownHeading

    typealias Seed = DialogueDemoData

    static func load(into world: DemoWorld) async throws {
        let client = world.client
        let province = try await self.findOrCreate(
            code: Seed.provinceCode, name: "Liên đoàn Lao động thành phố Hà Nội", kind: .provincialFederation, under: world.rootID, using: client
        )
        let district = try await client.unary(Methods.Core.Units.createUnit, CreateUnitRequest.with {
            $0.parentID = province
            $0.name = "Liên đoàn Lao động quận Thanh Xuân"
            $0.kind = .districtFederation
            $0.code = Seed.districtCode
            $0.validFrom = "1997-01-01"
        })
        var units: [String: String] = [:]
        for enterprise in Seed.enterprises {
            let unit = try await client.unary(Methods.Core.Units.createUnit, CreateUnitRequest.with {
                $0.parentID = district.id
                $0.name = enterprise.name
                $0.kind = .grassrootsUnion
                $0.sector = enterprise.sector
                $0.code = enterprise.code
                $0.validFrom = "2005-01-01"
            })
            units[enterprise.code] = unit.id
            for (asOf, employees) in zip(Seed.headcountDates, enterprise.employees) {
                _ = try await client.unary(Methods.Dialogue.Enterprises.recordHeadcount, RecordHeadcountRequest.with {
                    $0.unitID = unit.id
                    $0.asOf = asOf
                    $0.employees = employees
                })
            }
        }
        let agreements = try await self.loadAgreements(units: units, using: client)
        let campaign = try await self.launchCampaign(district: district.id, using: client)
        try await self.loadDialogues(units: units, campaign: campaign, using: client)
        standardError("loaded quận Thanh Xuân: \(units.count) enterprises, \(agreements) collective agreements, \(Seed.dialogues.count) dialogues of 2025\n")
    }

    static func printSummary(of world: DemoWorld) async throws {
        let client = world.client
        let districts = try await client.unary(Methods.Core.Units.listUnits, ListUnitsRequest.with {
            $0.rootID = world.rootID
            $0.kind = .districtFederation
            $0.page.pageSize = 1000
        })
        guard let district = districts.units.first(where: { $0.code == Seed.districtCode }) else { return }
        let report = try await client.unary(Methods.Dialogue.BargainingReports.getBargainingCoverage, GetBargainingCoverageRequest.with {
            $0.unitID = district.id
            $0.asOf = Seed.reportDate
        })
        let expiring = try await client.unary(Methods.Dialogue.BargainingReports.listExpiringAgreements, ListExpiringAgreementsRequest.with {
            $0.unitID = district.id
            $0.asOf = Seed.reportDate
        })
        let total = report.total
        let sectorNames: [UInt32: String] = [3: "non-state", 5: "state", 6: "foreign-invested"]
        var lines = [
            "\(district.name) (\(district.id)): dialogue and collective bargaining as of \(report.asOf)",
            "  unionised enterprises: \(total.unionisedEnterprises), \(total.employees.grouped) employees",
            "  with a collective agreement in force: \(total.withAgreementInForce) (\(total.agreementSharePermille.percent)), "
                + "covering \(total.employeesCoveredByAgreement.grouped) employees "
                + "(\(Self.permille(total.employeesCoveredByAgreement, of: total.employees).percent))",
            "    by quality grade: " + report.grades.map { "\(Self.gradeName($0.grade)) \($0.agreements)" }.joined(separator: ", "),
            "    copies to the labour authority: \(total.filedLate) filed after the 10 days, \(total.copiesOverdue) overdue",
            "  with a periodic dialogue in \(report.year): \(total.withPeriodicDialogue) (\(total.periodicDialogueSharePermille.percent))",
        ]
        for sector in report.bySector {
            let figures = sector.figures
            lines.append(
                "    \(sectorNames[sector.sector] ?? "sector \(sector.sector)"): \(figures.unionisedEnterprises) "
                    + (figures.unionisedEnterprises == 1 ? "enterprise, " : "enterprises, ")
                    + "\(figures.withAgreementInForce) with an agreement, \(figures.withPeriodicDialogue) with a periodic dialogue"
            )
        }
        lines.append("  agreements ending within 90 days (by \(expiring.windowEndsOn)): \(report.agreementsExpiring)")
        for item in expiring.agreements {
            let how = item.agreement.state == .continued ? "continued until" : "expires"
            let renewal = item.renewalAgreementID.isEmpty ? "no renewal under way" : "renewal \(item.renewalAgreementID) \(Self.stateName(item.renewalState))"
            lines.append("    \(item.unitName): \(how) \(item.endsOn), in \(item.daysLeft) days; \(renewal)")
        }
        try await lines.append(contentsOf: self.campaignLines(district: district.id, using: client))
        standardOutput(lines.joined(separator: "\n") + "\n")
    }

    // MARK: Loading

    /// Takes each agreement as far as its script goes; returns how many were signed.
    private static func loadAgreements(units: [String: String], using client: ThiduaClient) async throws -> Int {
        var ids: [String] = []
        for script in Seed.agreements {
            let id = try await self.bargain(script, unitID: units[script.code]!, renews: script.renews.map { ids[$0] }, using: client)
            ids.append(id)
        }
        // Continuations come last: they need the renewal under way.
        for (index, script) in Seed.agreements.enumerated() {
            guard let until = script.continuedUntil else { continue }
            _ = try await client.unary(Methods.Dialogue.Agreements.continueAgreement, ContinueAgreementRequest.with {
                $0.agreementID = ids[index]
                $0.continuedUntil = until
                $0.reason = "Hai bên đang thương lượng thỏa ước mới"
            })
        }
        return Seed.agreements.filter { $0.signing != nil }.count
    }

    private static func bargain(_ script: Seed.Bargaining, unitID: String, renews: String?, using client: ThiduaClient) async throws -> String {
        let requested = try await client.unary(Methods.Dialogue.Agreements.requestBargaining, RequestBargainingRequest.with {
            $0.unitID = unitID
            $0.title = "Thỏa ước lao động tập thể"
            $0.requestedBy = .employeeRepresentatives
            $0.requestedOn = script.requestedOn
            $0.renewsAgreementID = renews ?? ""
        })
        let id = requested.id
        for (number, heldOn) in script.sessions.enumerated() {
            _ = try await client.unary(Methods.Dialogue.Agreements.recordBargainingSession, RecordBargainingSessionRequest.with {
                $0.agreementID = id
                $0.heldOn = heldOn
                $0.minutes = "Biên bản phiên thương lượng số \(number + 1)"
            })
        }
        if let draftedOn = script.draftedOn {
            _ = try await client.unary(Methods.Dialogue.Agreements.recordAgreementDraft, RecordAgreementDraftRequest.with {
                $0.agreementID = id
                $0.draftedOn = draftedOn
                $0.clauses = script.clauses
            })
        }
        for (votedOn, inFavour, against) in script.votes {
            _ = try await client.unary(Methods.Dialogue.Agreements.recordAgreementVote, RecordAgreementVoteRequest.with {
                $0.agreementID = id
                $0.votedOn = votedOn
                $0.inFavour = inFavour
                $0.against = against
            })
        }
        if let (signedOn, effectiveFrom, months, filedOn) = script.signing {
            _ = try await client.unary(Methods.Dialogue.Agreements.signAgreement, SignAgreementRequest.with {
                $0.agreementID = id
                $0.signedOn = signedOn
                $0.effectiveFrom = effectiveFrom
                $0.termMonths = months
            })
            _ = try await client.unary(Methods.Dialogue.Agreements.fileAgreementCopy, FileAgreementCopyRequest.with {
                $0.agreementID = id
                $0.filedOn = filedOn
                $0.filedWith = Seed.authority
            })
        }
        return id
    }

    /// The district's campaign of periodic dialogues for 2025, with a target of one per enterprise.
    private static func launchCampaign(district: String, using client: ThiduaClient) async throws -> String {
        let draft = try await client.unary(Methods.Core.Campaigns.createCampaign, CreateCampaignRequest.with {
            $0.module = Self.module
            $0.title = Seed.campaignTitle
            $0.launchingUnitID = district
            $0.periodKind = .calendarYear
            $0.year = 2025
            $0.metric = "periodic dialogues"
        })
        _ = try await client.unary(Methods.Core.Campaigns.launchCampaign, LaunchCampaignRequest.with {
            $0.id = draft.id
            $0.decisionNumber = "08/QĐ-LĐLĐ"
            $0.decisionDate = "2025-01-10"
        })
        _ = try await client.unary(Methods.Core.Campaigns.setTarget, SetTargetRequest.with {
            $0.campaignID = draft.id
            $0.unitID = district
            $0.planned = UInt64(Seed.enterprises.count)
            $0.reason = "một cuộc đối thoại định kỳ ở mỗi doanh nghiệp"
        })
        return draft.id
    }

    private static func loadDialogues(units: [String: String], campaign: String, using client: ThiduaClient) async throws {
        for script in Seed.dialogues {
            let planned = try await client.unary(Methods.Dialogue.Dialogues.planDialogue, PlanDialogueRequest.with {
                $0.unitID = units[script.code]!
                $0.kind = script.kind
                $0.event = script.event
                $0.requestedBy = script.kind == .onRequest ? .employeeRepresentatives : .unspecified
                $0.requestedOn = script.requestedOn
                $0.campaignID = script.kind == .periodic ? campaign : ""
                $0.plannedOn = script.plannedOn
                $0.agenda = script.agenda
                $0.delegationSize = script.delegation
            })
            guard let (present, publishedOn) = script.held else { continue }
            _ = try await client.unary(Methods.Dialogue.Dialogues.holdDialogue, HoldDialogueRequest.with {
                $0.id = planned.id
                $0.heldOn = script.plannedOn
                $0.employerLegalRepresentativePresent = true
                $0.representativesPresent = present
            })
            _ = try await client.unary(Methods.Dialogue.Dialogues.publishDialogueMinutes, PublishDialogueMinutesRequest.with {
                $0.id = planned.id
                $0.signedByEmployer = true
                $0.signedByEmployeeRepresentatives = true
                $0.signedOn = script.plannedOn
                $0.publishedOn = publishedOn
                $0.summary = "Hai bên thống nhất: \(script.agenda.lowercased())"
            })
        }
    }

    // MARK: Pieces

    private static func campaignLines(district: String, using client: ThiduaClient) async throws -> [String] {
        let campaigns = try await client.unary(Methods.Core.Campaigns.listCampaigns, ListCampaignsRequest.with {
            $0.unitID = district
            $0.module = Self.module
            $0.year = 2025
        })
        guard let campaign = campaigns.campaigns.first(where: { $0.title == Seed.campaignTitle }) else { return [] }
        let progress = try await client.unary(Methods.Core.Campaigns.getProgress, GetProgressRequest.with {
            $0.campaignID = campaign.id
            $0.unitID = district
        })
        return ["  \(campaign.title) (\(campaign.id)): \(progress.total.achieved) of \(progress.total.planned) \(campaign.metric) = \(progress.total.percentOfPlan)%"]
    }

    /// The unit of that code under `parentID`, created if there is none: other modules' demos
    /// may have created Hà Nội's federation already.
    private static func findOrCreate(code: String, name: String, kind: UnitKind, under parentID: String, using client: ThiduaClient) async throws -> String {
        let existing = try await client.unary(Methods.Core.Units.listUnits, ListUnitsRequest.with {
            $0.rootID = parentID
            $0.kind = kind
            $0.page.pageSize = 1000
        })
        if let unit = existing.units.first(where: { $0.code == code }) { return unit.id }
        let created = try await client.unary(Methods.Core.Units.createUnit, CreateUnitRequest.with {
            $0.parentID = parentID
            $0.name = name
            $0.kind = kind
            $0.code = code
            $0.validFrom = "1990-01-01"
        })
        return created.id
    }


    private static func permille(_ part: UInt64, of whole: UInt64) -> UInt32 {
        whole == 0 ? 0 : UInt32(part * 1000 / whole)
    }

    private static func gradeName(_ grade: AgreementQualityGrade) -> String {
        switch grade {
        case .gradeA: "A"
        case .gradeB: "B"
        case .gradeC: "C"
        default: "ungraded"
        }
    }

    private static func stateName(_ state: AgreementState) -> String {
        switch state {
        case .requested: "requested"
        case .negotiating: "in negotiation"
        case .drafted: "drafted"
        case .voted: "voted"
        case .signed, .filed: "signed"
        default: "\(state)"
        }
    }
}

extension UInt32 {
    /// Tenths of a percent written as a percentage: 625 is "62.5%".
    fileprivate var percent: String { "\(self / 10).\(self % 10)%" }
}

extension UInt64 {
    /// With a thousands separator: "2,972".
    fileprivate var grouped: String {
        let digits = String(self)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
