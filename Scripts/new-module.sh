#!/usr/bin/env bash
# Creates a campaign module that builds, registers with the server and passes its first test:
#
#   Scripts/new-module.sh SafetyWeek
#
# writes Proto/thidua/safety_week/v1/safety_week.proto and Plugins/SafetyWeek/ (API/ with the
# generated code, Sources/ with the module, Tests/ with a test over the wire), registers the
# module (its name in Package.swift's campaignModules, its instance in
# Sources/ThiduaBuiltinModules/BuiltinModules.swift), and regenerates the Swift, C and Python code and
# docs/RULES.md.
# The module keeps a register of entries per unit for campaigns of its kind: grow it from there.
# docs/MODULES.md explains the contract.
set -euo pipefail

name=${1:-}
if ! [[ $name =~ ^[A-Z][A-Za-z0-9]{1,40}$ ]]; then
  echo "usage: $0 Name   (UpperCamelCase, such as SafetyWeek)" >&2
  exit 64
fi
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
id=$(echo "$name" | sed -E 's/([a-z0-9])([A-Z])/\1_\2/g' | tr '[:upper:]' '[:lower:]')
# Ids of the module's entries: the initials of its id and "e", such as "swe17" for safety_week.
initials=$(echo "$id" | sed -E 's/(^|_)([a-z0-9])[a-z0-9]*/\2/g')
if [ -e "Plugins/$name" ] || [ -e "Proto/thidua/$id" ]; then
  echo "$0: Plugins/$name or Proto/thidua/$id exists already" >&2
  exit 1
fi

mkdir -p "Proto/thidua/$id/v1" "Plugins/$name/API" "Plugins/$name/Generated" "Plugins/$name/Sources" "Plugins/$name/Tests"

cat > "Plugins/$name/README.md" <<EOF
# $name

The campaign module \`$id\`: a register of entries per unit, for campaigns of module "$id".

- \`Proto/thidua/$id/v1/$id.proto\`: its API; \`API/Generated/\` and \`Generated/\` are generated
  from it by \`Scripts/generate-protos.sh\`.
- \`Sources/\`: the module, written by hand on the kit (docs/MODULES.md).
- \`Tests/\`: its tests, over the wire against a real server.
EOF

cat > "Proto/thidua/$id/v1/$id.proto" <<EOF
// The $name campaign module: a register of entries per unit, for campaigns of module "$id".
syntax = "proto3";

package thidua.$id.v1;

option swift_prefix = "";

service $name {
  // Records an entry of a unit in a running campaign of this module. Needs $id.write on the unit.
  rpc Record${name}Entry(Record${name}EntryRequest) returns (${name}Entry);
  // The entries of a unit's subtree, oldest first. Needs $id.read.
  rpc List${name}Entries(List${name}EntriesRequest) returns (List${name}EntriesResponse);
}

message ${name}Entry {
  string id = 1;
  string campaign_id = 2;
  string unit_id = 3;
  string title = 4;
  // "YYYY-MM-DD"
  string recorded_on = 5;
}

message Record${name}EntryRequest {
  string campaign_id = 1;
  string unit_id = 2;
  string title = 3;
}

message List${name}EntriesRequest {
  // Empty for the caller's root.
  string unit_id = 1;
  // At most this many; 0 means 100, at most 1000.
  uint32 page_size = 2;
  string page_token = 3;
}

message List${name}EntriesResponse {
  repeated ${name}Entry entries = 1;
  string next_page_token = 2;
}
EOF

cat > "Plugins/$name/Sources/${name}Module.swift" <<EOF
@_exported import ${name}API
import ThiduaModuleKit

/// The $name campaign module: a register of entries per unit.
public struct ${name}Module: CampaignModule {
    /// Campaigns of this module name it; it namespaces the services, permissions and tables.
    public static let moduleID = "$id"

    public let id = Self.moduleID
    public let version = "0.1.0"

    public init() {}

    public var migrations: [Migration] {
        [
            Migration("0001_entries", sql: """
                CREATE TABLE ${id}_entry (
                    id INTEGER PRIMARY KEY,
                    campaign_id TEXT NOT NULL,
                    unit_id TEXT NOT NULL,
                    title TEXT NOT NULL CHECK (title <> ''),
                    recorded_on TEXT NOT NULL
                );
                CREATE INDEX ${id}_entry_unit ON ${id}_entry(unit_id);
                """),
        ]
    }

    public var permissions: [PermissionDescription] {
        [
            PermissionDescription(${name}Service.readPermission, "see the $id register"),
            PermissionDescription(${name}Service.writePermission, "record entries in the $id register"),
        ]
    }

    public var rules: [RuleDescription] { ${name}RuleCatalogue.all }

    public func provision(_ context: ModuleContext) async throws -> any ModuleRuntime {
        ModuleServices(descriptorSet: ${name}ProtoFiles.descriptorSetBase64, [${name}Service(context: context)])
    }
}
EOF

cat > "Plugins/$name/Sources/${name}RuleCatalogue.swift" <<EOF
import ThiduaModuleKit

/// The rules this module's refusals name besides the kit's and the core's: each "$id.<rule>",
/// declared once with its status, its messages in English and Vietnamese and, for a rule from
/// law or regulation, the article (docs/MODULES.md, "Rules every module keeps"). The register
/// refuses only with the kit's and the core's rules so far.
enum ${name}RuleCatalogue {
    static let all: [RuleDescription] = []
}
EOF

cat > "Plugins/$name/Sources/${name}Service.swift" <<EOF
import ThiduaModuleKit

/// \`thidua.$id.v1.$name\`.
/// Its methods are registered by the generated \`${name}Handlers\` (Generated/), each under the
/// permission its comment in the .proto names.
struct ${name}Service: ${name}Handlers, ModuleService {
    static let readPermission = "$id.read"
    static let writePermission = "$id.write"
    /// Entry ids on the wire: "${initials}e17".
    static let entry = EntityKind(prefix: "${initials}e")

    let context: ModuleContext

    func record${name}Entry(_ request: Record${name}EntryRequest, _ call: CallContext) async throws -> ${name}Entry {
        let title = try Fields.text(request.title, field: "title", maxLength: 300)
        let core = self.core
        let today = self.today
        return try await core.mutate(call, request: request) { db, principal in
            let campaign = try core.campaign(request.campaignID, of: ${name}Module.moduleID, running: true, within: principal, field: "campaign_id", in: db)
            let unit = try core.unit(request.unitID, within: principal, field: "unit_id", in: db)
            try core.requireInScope(unit, of: campaign, field: "unit_id", in: db)
            let row = try db.insert("""
                INSERT INTO ${id}_entry (campaign_id, unit_id, title, recorded_on)
                VALUES (\\(campaign.id), \\(unit.id), \\(title), \\(today)) RETURNING id
                """)
            let entry = ${name}Entry.with {
                \$0.id = Self.entry.id(row)
                \$0.campaignID = campaign.id
                \$0.unitID = unit.id
                \$0.title = title
                \$0.recordedOn = today.description
            }
            return Mutation.change(entry, id: entry.id, unitID: unit.id)
        }
    }

    func list${name}Entries(_ request: List${name}EntriesRequest, _ call: CallContext) async throws -> List${name}EntriesResponse {
        let page = try PageCursor(size: request.pageSize, token: request.pageToken)
        let after = try page.afterRow()
        let core = self.core
        return try await core.read(call) { db, principal in
            let root = try core.unit(request.unitID.isEmpty ? principal.scopeUnitID : request.unitID, within: principal, field: "unit_id", in: db)
            let units = try core.units(under: root.id, in: db).map(\\.id)
            let rows = try db.fetchAll(
                "SELECT * FROM ${id}_entry WHERE id > \\(after) AND unit_id IN \\(list: units) ORDER BY id LIMIT \\(page.fetchLimit)",
                as: EntryRow.self
            )
            let (served, next) = page.finish(rows) { \$0.row }
            return .with {
                \$0.entries = served.map(\\.entry)
                \$0.nextPageToken = next
            }
        }
    }
}

/// One row of \`${id}_entry\`.
struct EntryRow: SQLRowDecodable {
    let row: Int64
    let entry: ${name}Entry

    init(row: SQLRow) throws {
        let id: Int64 = try row["id"]
        self.row = id
        self.entry = try ${name}Entry.with {
            \$0.id = ${name}Service.entry.id(id)
            \$0.campaignID = try row["campaign_id"]
            \$0.unitID = try row["unit_id"]
            \$0.title = try row["title"]
            \$0.recordedOn = try row["recorded_on"]
        }
    }
}
EOF

cat > "Plugins/$name/Tests/${name}Tests.swift" <<EOF
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaTesting
import ThiduaWire
import $name

/// The module over the wire: a real server on port 0 with the core and this module.
@Suite struct ${name}Tests {
    @Test func aUnitRecordsEntriesInARunningCampaignOfThisModule() async throws {
        let server = try await TestServer.start(modules: [${name}Module()])
        let admin = try await server.connectAsAdmin()
        let me = try await admin.unary(Methods.Core.Keys.whoAmI, WhoAmIRequest())
        let unit = try await admin.unary(Methods.Core.Units.createUnit, CreateUnitRequest.with {
            \$0.parentID = me.unitID
            \$0.name = "Công đoàn cơ sở thử"
            \$0.kind = .grassrootsUnion
        })
        func campaign(module: String) async throws -> Campaign {
            let draft = try await admin.unary(Methods.Core.Campaigns.createCampaign, CreateCampaignRequest.with {
                \$0.module = module
                \$0.title = "Phong trào thử"
                \$0.launchingUnitID = me.unitID
                \$0.periodKind = .calendarYear
                \$0.year = 2026
            })
            return try await admin.unary(Methods.Core.Campaigns.launchCampaign, LaunchCampaignRequest.with {
                \$0.id = draft.id
                \$0.decisionNumber = "1/QĐ"
                \$0.decisionDate = "2026-01-05"
            })
        }
        let ours = try await campaign(module: "$id")
        let entry = try await admin.unary(Methods.${name}.${name}.record${name}Entry, Record${name}EntryRequest.with {
            \$0.campaignID = ours.id
            \$0.unitID = unit.id
            \$0.title = "Mục đầu tiên"
        })
        #expect(entry.id.hasPrefix("${initials}e") && entry.unitID == unit.id && entry.campaignID == ours.id)
        let listed = try await admin.unary(Methods.${name}.${name}.list${name}Entries, List${name}EntriesRequest())
        #expect(listed.entries == [entry])

        // A refusal names the kit's rule and changes nothing, in the core or the module.
        let general = try await campaign(module: "general")
        let refused = try await server.refusal {
            _ = try await admin.unary(Methods.${name}.${name}.record${name}Entry, Record${name}EntryRequest.with {
                \$0.campaignID = general.id
                \$0.unitID = unit.id
                \$0.title = "Sai phong trào"
            })
        }
        #expect(refused.error?.code == .failedPrecondition && refused.error?.details.first?.rule == "campaign.module")
        #expect(refused.changedTables.isEmpty)
        await admin.close()
        try await server.stop()
    }
}
EOF

# Registration: the name in Package.swift, the instance in BuiltinModules.swift (imports and
# entries both kept in alphabetical order by the sort below).
python3 - "$name" <<'EOF'
import re, sys
name = sys.argv[1]
def edit(path, start, end, line):
    text = open(path).read()
    head, rest = text.split(start, 1)
    body, tail = rest.split(end, 1)
    lines = [l for l in body.split("\n") if l.strip()] + [line]
    open(path, "w").write(head + start + "\n".join(sorted(set(lines))) + "\n" + end + tail)
edit("Package.swift", "let campaignModules: [String] = [\n", "]\n", f'    "{name}",')
edit("Sources/ThiduaBuiltinModules/BuiltinModules.swift", "// Campaign modules: one import each.\n", "// End of the imports.", f"import {name}")
edit("Sources/ThiduaBuiltinModules/BuiltinModules.swift", "public static let all: [any CampaignModule] = [\n", "    ]\n", f"        {name}Module(),")
EOF

Scripts/generate-protos.sh >/dev/null
Clients/c/generate.sh >/dev/null
Clients/python/generate.sh >/dev/null
Scripts/generate-rules.sh >/dev/null
echo "created module $name (id \"$id\") in Plugins/$name; run: swift test --filter ${name}Tests"
