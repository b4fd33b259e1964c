import ThiduaModuleKit

/// "Mái ấm Công đoàn": a grassroots union records a member's request for help to build or repair
/// her home, in a campaign of this module; the levels above list the requests of their subtree.
/// Built outside thidua's repository, on the kit alone (docs/MODULES.md, "A module outside this
/// repository").
public struct UnionHousingModule: CampaignModule {
    /// Campaigns of this module name it; it namespaces the services (`thidua.union_housing.v1`),
    /// the permissions (`union_housing.*`), the rules and the tables (`union_housing_*`).
    public static let moduleID = "union_housing"

    public let id = Self.moduleID
    public let version = "1.0.0"

    public init() {}

    /// Frozen once shipped: a change of schema is a new migration.
    public var migrations: [Migration] {
        [
            Migration("0001_requests", sql: """
                CREATE TABLE union_housing_request (
                    id INTEGER PRIMARY KEY,
                    campaign_id TEXT NOT NULL,
                    unit_id TEXT NOT NULL,
                    member_id TEXT NOT NULL,
                    member_name TEXT NOT NULL,
                    -- HousingNeed: BUILD (1) or REPAIR (2).
                    need INTEGER NOT NULL CHECK (need IN (1, 2)),
                    estimated_cost_vnd INTEGER NOT NULL CHECK (estimated_cost_vnd > 0),
                    requested_vnd INTEGER NOT NULL CHECK (requested_vnd > 0 AND requested_vnd <= estimated_cost_vnd),
                    circumstances TEXT NOT NULL CHECK (circumstances <> ''),
                    recorded_on TEXT NOT NULL,
                    UNIQUE (campaign_id, member_id)
                );
                CREATE INDEX union_housing_request_unit ON union_housing_request(unit_id);
                """),
        ]
    }

    public var permissions: [PermissionDescription] {
        [
            PermissionDescription(UnionHousingPermissions.read, "List the housing-support requests of the key's subtree"),
            PermissionDescription(UnionHousingPermissions.record, "Record a member's request for housing support"),
        ]
    }

    public var rules: [RuleDescription] { UnionHousingRuleCatalogue.all }

    public func provision(_ context: ModuleContext) async throws -> any ModuleRuntime {
        ModuleServices(descriptorSet: UnionHousingProtoFiles.descriptorSetBase64, [RequestsService(context: context)])
    }
}

/// The permissions the module's methods need, over the key's subtree.
enum UnionHousingPermissions {
    static let read = "union_housing.read"
    static let record = "union_housing.record"
}
