import ThiduaModuleKit

/// The module's tables. Core entities are referred to by their wire ids ("u17", "m3", "p2",
/// "r9"): the module reaches the core through the kit, never through the core's tables.
enum InnovationSchema {
    static let migrations: [Migration] = [
        Migration("0001_initiatives", sql: """
            -- The window of each campaign initiatives were filed under, copied from the core when
            -- filing, so that a review decided later can tell whether to count an initiative.
            CREATE TABLE innovation_campaign_window (
                campaign_id TEXT PRIMARY KEY,
                starts_on TEXT NOT NULL,
                ends_on TEXT NOT NULL
            );

            CREATE TABLE innovation_initiative (
                id INTEGER PRIMARY KEY,
                campaign_id TEXT NOT NULL REFERENCES innovation_campaign_window(campaign_id),
                unit_id TEXT NOT NULL,
                register_number INTEGER NOT NULL CHECK (register_number > 0),
                title TEXT NOT NULL CHECK (title <> ''),
                normalised_title TEXT NOT NULL CHECK (normalised_title <> ''),
                summary TEXT NOT NULL,
                kind INTEGER NOT NULL,
                application INTEGER NOT NULL,
                first_applied_on TEXT,
                benefit_vnd INTEGER NOT NULL CHECK (benefit_vnd >= 0),
                benefit_note TEXT NOT NULL,
                state INTEGER NOT NULL,
                filed_on TEXT NOT NULL,
                review_id TEXT,
                recognised_on TEXT,
                decision_number TEXT NOT NULL DEFAULT '',
                counted INTEGER NOT NULL DEFAULT 0 CHECK (counted IN (0, 1)),
                UNIQUE (unit_id, campaign_id, register_number)
            );
            -- First to file wins: one live filing per title in a unit (6 is WITHDRAWN).
            CREATE UNIQUE INDEX innovation_initiative_novel
                ON innovation_initiative(unit_id, normalised_title) WHERE state <> 6;
            CREATE INDEX innovation_initiative_campaign ON innovation_initiative(campaign_id, unit_id);
            CREATE INDEX innovation_initiative_recognised ON innovation_initiative(recognised_on)
                WHERE recognised_on IS NOT NULL;

            CREATE TABLE innovation_author (
                initiative_id INTEGER NOT NULL REFERENCES innovation_initiative(id),
                position INTEGER NOT NULL,
                member_id TEXT NOT NULL,
                full_name TEXT NOT NULL,
                share_percent INTEGER NOT NULL CHECK (share_percent BETWEEN 1 AND 100),
                category INTEGER NOT NULL,
                PRIMARY KEY (initiative_id, position),
                UNIQUE (initiative_id, member_id)
            );
            CREATE INDEX innovation_author_member ON innovation_author(member_id);

            -- Every step of every initiative, append-only, for its authors to follow.
            CREATE TABLE innovation_step (
                initiative_id INTEGER NOT NULL REFERENCES innovation_initiative(id),
                at INTEGER NOT NULL,
                action TEXT NOT NULL,
                state INTEGER NOT NULL,
                key_id TEXT NOT NULL,
                reason TEXT NOT NULL,
                review_id TEXT NOT NULL
            );
            CREATE INDEX innovation_step_initiative ON innovation_step(initiative_id);

            -- The benefit bands of the "Bằng Lao động sáng tạo", one set per regulation version.
            CREATE TABLE innovation_band_set (
                effective_from TEXT PRIMARY KEY,
                regulation TEXT NOT NULL CHECK (regulation <> ''),
                by_author_share INTEGER NOT NULL CHECK (by_author_share IN (0, 1))
            );
            CREATE TABLE innovation_band (
                effective_from TEXT NOT NULL REFERENCES innovation_band_set(effective_from),
                category INTEGER NOT NULL,
                min_benefit_vnd INTEGER NOT NULL CHECK (min_benefit_vnd > 0),
                PRIMARY KEY (effective_from, category)
            );
            -- The default, from union practice and not verified against a legal text: 80, 120, 150
            -- and 200 million đồng for direct workers, technical staff, middle and senior managers.
            INSERT INTO innovation_band_set (effective_from, regulation, by_author_share) VALUES
                ('2000-01-01', 'Mặc định theo thực tiễn công đoàn (chưa đối chiếu văn bản): 80/120/150/200 triệu đồng', 0);
            INSERT INTO innovation_band (effective_from, category, min_benefit_vnd) VALUES
                ('2000-01-01', 1, 80000000),
                ('2000-01-01', 2, 120000000),
                ('2000-01-01', 3, 150000000),
                ('2000-01-01', 4, 200000000);
            """),
    ]
}
