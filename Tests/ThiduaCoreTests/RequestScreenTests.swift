import Foundation
import GRDB
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaTesting
import ThiduaWire

/// The rules every request meets before it is decoded, the same for the core and the modules:
/// no control characters in text, text stored in Unicode NFC, repeated fields and sizes bounded.
@Suite struct RequestScreenTests {
    @Test func aNulCharacterInTextIsRefusedWithTheFieldsPathAndNothingIsStored() async throws {
        try await CoreFixture.with { f in
            let unit = try await f.createUnit("CĐCS Trường Tiểu học Dân Lực", under: try await f.rootID)
            let refused = try await f.server.refusal { _ = try await f.addMember("Nguyen\u{0}Hidden", to: unit.id) }
            #expect(refused.error?.code == .invalidArgument)
            #expect(refused.error?.details.first?.rule == "field.control_character")
            #expect(refused.error?.details.first?.field == "full_name")
            #expect(refused.error?.message.contains("U+0000") == true)
            #expect(refused.changedTables.isEmpty)

            let campaigns = try f.count("core_campaign")
            let titled = await expectRefusal(.invalidArgument, rule: "field.control_character") {
                _ = try await f.admin.unary(Methods.Core.Campaigns.createCampaign, CreateCampaignRequest.with {
                    $0.module = "general"
                    $0.title = "Thi đua\u{1B}[2J năm 2026"
                    $0.launchingUnitID = unit.id
                    $0.periodKind = .calendarYear
                    $0.year = 2026
                    $0.metric = "initiatives"
                })
            }
            #expect(titled?.details.first?.field == "title")
            #expect(try f.count("core_campaign") == campaigns)
        }
    }

    @Test func aTextFieldHoldsAtMost32KiB() async throws {
        try await CoreFixture.with { f in
            let members = try f.count("core_member")
            let unit = try await f.createUnit("CĐCS Công ty Dệt", under: try await f.rootID)
            // Decomposed text, whose normalisation costs most, one byte over the bound.
            let long = String(repeating: "e\u{301}", count: 10_923)  // 3 bytes each: 32,769
            let refusal = await expectRefusal(.invalidArgument, rule: "field.max_bytes") {
                _ = try await f.addMember(long, to: unit.id)
            }
            #expect(refusal?.details.first?.field == "full_name")
            #expect(try f.count("core_member") == members)
        }
    }

    /// The screen refuses what it cannot read, so nothing it has not checked reaches a method:
    /// a group in front of a request (which SwiftProtobuf would skip as an unknown field) does
    /// not smuggle a NUL in.
    @Test func aRequestTheScreenCannotReadIsRefused() async throws {
        try await CoreFixture.with { f in
            let unit = try await f.createUnit("CĐCS Công ty Giày", under: try await f.rootID)
            let members = try f.count("core_member")
            let request = try AddMemberRequest.with {
                $0.unitID = unit.id
                $0.fullName = "Nguyen\u{0}Hidden"
                $0.gender = .female
            }.serializedBytes() as Data
            let refusal = await expectRefusal(.invalidArgument, rule: "payload.decode") {
                _ = try await f.admin.unary(Methods.Core.Members.addMember.path, payload: Data([0x7B, 0x7C]) + request)
            }
            #expect(refusal?.details.first?.field == "payload")
            #expect(try f.count("core_member") == members)
        }
    }

    @Test func tabsAndLineBreaksAreText() async throws {
        try await CoreFixture.with { f in
            let unit = try await f.createUnit("CĐCS\tNhà máy\r\nSố 2", under: try await f.rootID)
            #expect(unit.name == "CĐCS\tNhà máy\r\nSố 2")
        }
    }

    @Test func aNameTypedInDecomposedFormIsStoredComposedAndMatches() async throws {
        try await CoreFixture.with { f in
            let unit = try await f.createUnit("CĐCS Công ty May 10", under: try await f.rootID)
            let composed = "Nguyễn Thị Hương"
            let decomposed = composed.decomposedStringWithCanonicalMapping
            #expect(Array(decomposed.utf8) != Array(composed.utf8), "the test's input must really differ in bytes")

            let member = try await f.addMember(decomposed, to: unit.id)
            #expect(Array(member.fullName.utf8) == Array(composed.utf8))
            let stored = try f.database { try String.fetchOne($0, sql: "SELECT full_name FROM core_member WHERE full_name = ?", arguments: [composed]) }
            #expect(stored.map { Array($0.utf8) } == Array(composed.utf8))
        }
    }

    @Test func repeatedFieldsAreBoundedBeforeDecoding() async throws {
        try await CoreFixture.with { f in
            let forms = try f.count("core_award_form")
            let many = await expectRefusal(.invalidArgument, rule: "field.max_items") {
                _ = try await f.admin.unary(Methods.Core.Awards.defineAwardForm, AwardForm.with {
                    $0.code = "giay_khen_thu"
                    $0.name = "Giấy khen thử"
                    $0.recipients = .anyRecipient
                    $0.issuingKinds = Array(repeating: .grassrootsUnion, count: 2_000)
                })
            }
            #expect(many?.details.first?.field == "issuing_kinds")

            // Within the generic bound, the domain's: each kind of unit once.
            let twice = await expectRefusal(.invalidArgument, rule: "field.duplicate") {
                _ = try await f.admin.unary(Methods.Core.Awards.defineAwardForm, AwardForm.with {
                    $0.code = "giay_khen_thu"
                    $0.name = "Giấy khen thử"
                    $0.recipients = .anyRecipient
                    $0.issuingKinds = [.districtFederation, .grassrootsUnion, .districtFederation]
                })
            }
            #expect(twice?.details.first?.field == "issuing_kinds[2]")

            // A million kinds in one megabyte: refused on its size, before anything is decoded.
            let million = await expectRefusal(.resourceExhausted, rule: "request.max_bytes") {
                _ = try await f.admin.unary(Methods.Core.Awards.defineAwardForm, AwardForm.with {
                    $0.code = "giay_khen_thu"
                    $0.name = "Giấy khen thử"
                    $0.recipients = .anyRecipient
                    $0.issuingKinds = Array(repeating: .grassrootsUnion, count: 1_000_000)
                })
            }
            #expect(million?.message.contains("262144") == true)
            #expect(try f.count("core_award_form") == forms)
        }
    }
}
