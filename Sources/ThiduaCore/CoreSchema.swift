import ThiduaModuleKit

/// The core's tables. Frozen once shipped: change the schema with a new migration.
enum CoreSchema {
    static let migrations: [Migration] = [
        Migration("0001_units", sql: """
            CREATE TABLE core_unit (
                id INTEGER PRIMARY KEY,
                parent_id INTEGER REFERENCES core_unit(id),
                -- '/1/5/23/': the ids from the root down, for subtree queries by prefix.
                path TEXT NOT NULL,
                depth INTEGER NOT NULL,
                name TEXT NOT NULL CHECK (name <> ''),
                kind INTEGER NOT NULL,
                sector INTEGER NOT NULL DEFAULT 0,
                code TEXT,
                valid_from TEXT NOT NULL,
                valid_to TEXT,
                fully_state_funded INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX core_unit_path ON core_unit(path);
            CREATE INDEX core_unit_parent ON core_unit(parent_id);
            CREATE UNIQUE INDEX core_unit_live_code ON core_unit(code) WHERE code IS NOT NULL AND valid_to IS NULL;

            CREATE TABLE core_unit_event (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL,
                unit_id INTEGER NOT NULL REFERENCES core_unit(id),
                from_unit_id INTEGER REFERENCES core_unit(id),
                to_unit_id INTEGER REFERENCES core_unit(id),
                effective_on TEXT NOT NULL,
                decision TEXT NOT NULL DEFAULT '',
                members_moved INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX core_unit_event_unit ON core_unit_event(unit_id);

            CREATE TABLE core_cluster (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL CHECK (name <> ''),
                year INTEGER NOT NULL,
                head_unit_id INTEGER NOT NULL REFERENCES core_unit(id)
            );
            CREATE TABLE core_cluster_unit (
                cluster_id INTEGER NOT NULL REFERENCES core_cluster(id),
                unit_id INTEGER NOT NULL REFERENCES core_unit(id),
                PRIMARY KEY (cluster_id, unit_id)
            );
            """),
        Migration("0002_members", sql: """
            CREATE TABLE core_member (
                id INTEGER PRIMARY KEY,
                unit_id INTEGER NOT NULL REFERENCES core_unit(id),
                full_name TEXT NOT NULL CHECK (full_name <> ''),
                gender INTEGER NOT NULL,
                role TEXT NOT NULL DEFAULT '',
                union_member INTEGER NOT NULL,
                joined_on TEXT,
                left_on TEXT
            );
            CREATE INDEX core_member_unit ON core_member(unit_id);
            CREATE TABLE core_membership (
                member_id INTEGER NOT NULL REFERENCES core_member(id),
                unit_id INTEGER NOT NULL REFERENCES core_unit(id),
                from_date TEXT NOT NULL,
                to_date TEXT
            );
            CREATE INDEX core_membership_member ON core_membership(member_id);
            """),
        Migration("0003_access_audit_changes", sql: """
            CREATE TABLE core_api_key (
                id TEXT PRIMARY KEY,
                label TEXT NOT NULL,
                -- SHA-256 of the secret, hex; the secret itself is never stored.
                secret_hash TEXT NOT NULL,
                unit_id INTEGER NOT NULL REFERENCES core_unit(id),
                permissions TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                created_by TEXT,
                revoked_at INTEGER,
                revoke_reason TEXT
            );

            CREATE TABLE core_audit (
                id INTEGER PRIMARY KEY,
                at INTEGER NOT NULL,
                key_id TEXT NOT NULL,
                method TEXT NOT NULL,
                target_type TEXT NOT NULL,
                target_id TEXT NOT NULL,
                unit_id INTEGER REFERENCES core_unit(id),
                old_value TEXT NOT NULL,
                new_value TEXT NOT NULL,
                reason TEXT NOT NULL
            );
            CREATE INDEX core_audit_unit_at ON core_audit(unit_id, at);
            CREATE TRIGGER core_audit_no_update BEFORE UPDATE ON core_audit
                BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
            CREATE TRIGGER core_audit_no_delete BEFORE DELETE ON core_audit
                BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;

            CREATE TABLE core_change (
                cursor INTEGER PRIMARY KEY AUTOINCREMENT,
                at INTEGER NOT NULL,
                entity_type TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                operation TEXT NOT NULL,
                unit_id INTEGER REFERENCES core_unit(id),
                entity BLOB NOT NULL
            );

            CREATE TABLE core_idempotency (
                key_id TEXT NOT NULL,
                idempotency_key TEXT NOT NULL,
                method TEXT NOT NULL,
                request_hash TEXT NOT NULL,
                response BLOB NOT NULL,
                at INTEGER NOT NULL,
                PRIMARY KEY (key_id, idempotency_key)
            );
            """),
    ]
}
