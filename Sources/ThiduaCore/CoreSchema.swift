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
        Migration("0004_campaigns_reviews_awards", sql: """
            CREATE TABLE core_campaign (
                id INTEGER PRIMARY KEY,
                module TEXT NOT NULL,
                title TEXT NOT NULL CHECK (title <> ''),
                launching_unit_id INTEGER NOT NULL REFERENCES core_unit(id),
                scope_unit_id INTEGER NOT NULL REFERENCES core_unit(id),
                period_kind INTEGER NOT NULL,
                year INTEGER NOT NULL,
                metric TEXT NOT NULL,
                state INTEGER NOT NULL,
                decision_number TEXT NOT NULL DEFAULT '',
                decision_date TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX core_campaign_scope ON core_campaign(scope_unit_id);

            CREATE TABLE core_target (
                campaign_id INTEGER NOT NULL REFERENCES core_campaign(id),
                unit_id INTEGER NOT NULL REFERENCES core_unit(id),
                planned INTEGER NOT NULL CHECK (planned >= 0),
                set_by_unit_id INTEGER NOT NULL REFERENCES core_unit(id),
                PRIMARY KEY (campaign_id, unit_id)
            );

            -- What each unit itself achieved; reports sum it over subtrees.
            CREATE TABLE core_progress (
                campaign_id INTEGER NOT NULL REFERENCES core_campaign(id),
                unit_id INTEGER NOT NULL REFERENCES core_unit(id),
                achieved INTEGER NOT NULL CHECK (achieved >= 0),
                PRIMARY KEY (campaign_id, unit_id)
            );

            CREATE TABLE core_registration (
                id INTEGER PRIMARY KEY,
                campaign_id INTEGER NOT NULL REFERENCES core_campaign(id),
                unit_id INTEGER NOT NULL REFERENCES core_unit(id),
                member_id INTEGER REFERENCES core_member(id),
                titles TEXT NOT NULL,
                committed INTEGER NOT NULL,
                registered_on TEXT NOT NULL
            );
            CREATE UNIQUE INDEX core_registration_subject
                ON core_registration(campaign_id, unit_id, coalesce(member_id, 0));

            CREATE TABLE core_review (
                id INTEGER PRIMARY KEY,
                subject_type TEXT NOT NULL,
                subject_id TEXT NOT NULL,
                campaign_id INTEGER REFERENCES core_campaign(id),
                unit_id INTEGER NOT NULL REFERENCES core_unit(id),
                -- The reviewing unit ids, comma-separated, lowest first.
                levels TEXT NOT NULL,
                current_level INTEGER NOT NULL,
                state INTEGER NOT NULL,
                round INTEGER NOT NULL,
                summary TEXT NOT NULL,
                corrects_review_id INTEGER REFERENCES core_review(id),
                corrected_by_review_id INTEGER REFERENCES core_review(id)
            );
            CREATE INDEX core_review_subject ON core_review(subject_type, subject_id);
            CREATE INDEX core_review_unit ON core_review(unit_id);
            CREATE TABLE core_review_step (
                review_id INTEGER NOT NULL REFERENCES core_review(id),
                at INTEGER NOT NULL,
                action TEXT NOT NULL,
                unit_id INTEGER NOT NULL REFERENCES core_unit(id),
                key_id TEXT NOT NULL,
                reason TEXT NOT NULL,
                round INTEGER NOT NULL
            );
            CREATE INDEX core_review_step_review ON core_review_step(review_id);

            CREATE TABLE core_award_form (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                recipients INTEGER NOT NULL,
                -- UnitKind numbers, comma-separated.
                issuing_kinds TEXT NOT NULL,
                title INTEGER NOT NULL
            );
            INSERT INTO core_award_form (code, name, recipients, issuing_kinds, title) VALUES
                ('giay_khen', 'Giấy khen', 3, '3,4,5,6,7', 0),
                ('bang_khen_tinh', 'Bằng khen của LĐLĐ tỉnh, thành phố', 3, '2', 0),
                ('bang_khen_tld', 'Bằng khen của Tổng Liên đoàn', 3, '1', 0),
                ('co_thi_dua_tinh', 'Cờ thi đua xuất sắc của LĐLĐ tỉnh, thành phố', 1, '2', 0),
                ('co_thi_dua_tld', 'Cờ thi đua của Tổng Liên đoàn', 1, '1', 0),
                ('bang_lao_dong_sang_tao', 'Bằng Lao động sáng tạo', 3, '1', 0),
                ('lao_dong_tien_tien', 'Lao động tiên tiến', 2, '3,4,5,6,7', 1),
                ('chien_si_thi_dua_co_so', 'Chiến sĩ thi đua cơ sở', 2, '3,4,5,6,7', 1),
                ('tap_the_lao_dong_xuat_sac', 'Tập thể lao động xuất sắc', 1, '2,3,4,5,6', 1);

            CREATE TABLE core_award (
                id INTEGER PRIMARY KEY,
                form_code TEXT NOT NULL REFERENCES core_award_form(code),
                issuing_unit_id INTEGER NOT NULL REFERENCES core_unit(id),
                recipient_unit_id INTEGER NOT NULL REFERENCES core_unit(id),
                recipient_member_id INTEGER REFERENCES core_member(id),
                achievement TEXT NOT NULL CHECK (achievement <> ''),
                campaign_id INTEGER REFERENCES core_campaign(id),
                decision_number TEXT NOT NULL,
                decision_date TEXT NOT NULL,
                reason TEXT NOT NULL,
                revoked_on TEXT,
                revoke_reason TEXT
            );
            -- One achievement earns one award [Law on Emulation and Commendation 2022].
            CREATE UNIQUE INDEX core_award_one_per_achievement
                ON core_award(recipient_unit_id, coalesce(recipient_member_id, 0), achievement)
                WHERE revoked_on IS NULL;
            CREATE INDEX core_award_issuer ON core_award(issuing_unit_id, form_code, decision_date);
            CREATE INDEX core_award_recipient ON core_award(recipient_unit_id);

            CREATE TABLE core_award_cap (
                regulation TEXT NOT NULL,
                effective_from TEXT NOT NULL,
                form_code TEXT NOT NULL REFERENCES core_award_form(code),
                max_count INTEGER NOT NULL,
                basis_form_code TEXT REFERENCES core_award_form(code),
                max_percent_of_basis INTEGER NOT NULL,
                PRIMARY KEY (form_code, effective_from)
            );
            -- The default: Chiến sĩ thi đua cơ sở for at most 15% of those titled Lao động tiên
            -- tiến [Decree 98/2023 under Law 06/2022; configurable].
            INSERT INTO core_award_cap VALUES
                ('Luật Thi đua, khen thưởng 06/2022/QH15', '2024-01-01', 'chien_si_thi_dua_co_so', 0, 'lao_dong_tien_tien', 15);
            """),
        // One achievement earns one award whatever its spelling: awards are compared on the
        // achievement's key (AchievementKey: NFC, case-folded, white space and punctuation made
        // one space). Rows stored before this migration get their key on the next start
        // (Core.fillAchievementKeys), computed by the same Swift code as every new row's.
        Migration("0005_award_achievement_key", sql: """
            ALTER TABLE core_award ADD COLUMN achievement_key TEXT;
            CREATE INDEX core_award_achievement_key
                ON core_award(recipient_unit_id, coalesce(recipient_member_id, 0), achievement_key)
                WHERE revoked_on IS NULL;
            """),
        // The conditions of a title, as data keyed to the regulation in force on the decision
        // date (the latest effective_from not after it, for the title): each row is one condition,
        // either another title the person must hold from the same year, or a kind of evidence a
        // module finds (TitleEvidenceKind). Checked wherever the title is conferred
        // (TitleConditions). "Chiến sĩ thi đua cơ sở" needs "Lao động tiên tiến" and an initiative
        // recognised by the unit [Law 06/2022/QH15, Art. 23, from 2024; the same two conditions
        // under the 2003 law, Art. 23, and Decree 91/2017/NĐ-CP, Art. 9, before it].
        Migration("0006_title_conditions", sql: """
            CREATE TABLE core_title_condition (
                regulation TEXT NOT NULL,
                effective_from TEXT NOT NULL,
                form_code TEXT NOT NULL REFERENCES core_award_form(code),
                required_title TEXT REFERENCES core_award_form(code),
                required_evidence TEXT,
                CHECK ((required_title IS NULL) <> (required_evidence IS NULL))
            );
            CREATE INDEX core_title_condition_form ON core_title_condition(form_code, effective_from);
            INSERT INTO core_title_condition VALUES
                ('Luật Thi đua, khen thưởng 2003, Điều 23; Nghị định 91/2017/NĐ-CP, Điều 9', '1900-01-01',
                    'chien_si_thi_dua_co_so', 'lao_dong_tien_tien', NULL),
                ('Luật Thi đua, khen thưởng 2003, Điều 23; Nghị định 91/2017/NĐ-CP, Điều 9', '1900-01-01',
                    'chien_si_thi_dua_co_so', NULL, 'recognised_initiative'),
                ('Luật Thi đua, khen thưởng 06/2022/QH15, Điều 23', '2024-01-01',
                    'chien_si_thi_dua_co_so', 'lao_dong_tien_tien', NULL),
                ('Luật Thi đua, khen thưởng 06/2022/QH15, Điều 23', '2024-01-01',
                    'chien_si_thi_dua_co_so', NULL, 'recognised_initiative');
            """),
    ]
}
