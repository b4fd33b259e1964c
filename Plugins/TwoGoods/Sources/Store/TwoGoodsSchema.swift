import ThiduaModuleKit

/// The module's tables. Never edit a migration once shipped: add a new one.
///
/// Units, members, campaigns and awards are the core's; they are kept here by their wire ids
/// ("u17", "m4", "p2", "a9").
enum TwoGoodsSchema {
    static let migrations: [Migration] = [
        Migration("0001_two_goods", sql: """
            CREATE TABLE two_goods_participation (
                id INTEGER PRIMARY KEY,
                campaign_id TEXT NOT NULL,
                school_year INTEGER NOT NULL,
                school_unit_id TEXT NOT NULL,
                enrolled_on TEXT NOT NULL
            );
            -- A school takes part in one two-goods campaign a school year.
            CREATE UNIQUE INDEX two_goods_participation_school_year
                ON two_goods_participation(school_year, school_unit_id);
            CREATE INDEX two_goods_participation_campaign ON two_goods_participation(campaign_id);

            -- Each round of a school's year: its reviews, and its collective result once recorded
            -- (classification is NULL before).
            CREATE TABLE two_goods_round (
                participation_id INTEGER NOT NULL REFERENCES two_goods_participation(id),
                round INTEGER NOT NULL CHECK (round >= 1),
                stage INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 3),
                interim_on TEXT,
                interim_summary TEXT NOT NULL DEFAULT '',
                final_on TEXT,
                final_summary TEXT NOT NULL DEFAULT '',
                classification INTEGER CHECK (classification BETWEEN 1 AND 4),
                students INTEGER NOT NULL DEFAULT 0 CHECK (students >= 0),
                students_passed INTEGER NOT NULL DEFAULT 0 CHECK (students_passed BETWEEN 0 AND students),
                students_excellent INTEGER NOT NULL DEFAULT 0 CHECK (students_excellent BETWEEN 0 AND students_passed),
                good_lessons INTEGER NOT NULL DEFAULT 0 CHECK (good_lessons >= 0),
                result_note TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (participation_id, round)
            );

            CREATE TABLE two_goods_teacher_record (
                id INTEGER PRIMARY KEY,
                participation_id INTEGER NOT NULL REFERENCES two_goods_participation(id),
                campaign_id TEXT NOT NULL,
                school_year INTEGER NOT NULL,
                school_unit_id TEXT NOT NULL,
                member_id TEXT NOT NULL,
                -- The teacher's name when the record was made.
                teacher_name TEXT NOT NULL,
                self_study_hours REAL NOT NULL CHECK (self_study_hours >= 0),
                training_hours REAL NOT NULL CHECK (training_hours >= 0)
            );
            -- One record per teacher and school year.
            CREATE UNIQUE INDEX two_goods_teacher_record_member ON two_goods_teacher_record(school_year, member_id);
            CREATE INDEX two_goods_teacher_record_participation ON two_goods_teacher_record(participation_id);

            CREATE TABLE two_goods_excellent_result (
                record_id INTEGER NOT NULL REFERENCES two_goods_teacher_record(id),
                level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
                prize INTEGER NOT NULL CHECK (prize BETWEEN 0 AND 4),
                decided_on TEXT NOT NULL,
                reference TEXT NOT NULL,
                PRIMARY KEY (record_id, level)
            );

            CREATE TABLE two_goods_teaching_initiative (
                record_id INTEGER NOT NULL REFERENCES two_goods_teacher_record(id),
                position INTEGER NOT NULL,
                title TEXT NOT NULL CHECK (title <> ''),
                level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
                reference TEXT NOT NULL,
                PRIMARY KEY (record_id, position)
            );

            CREATE TABLE two_goods_evidence (
                record_id INTEGER NOT NULL REFERENCES two_goods_teacher_record(id),
                position INTEGER NOT NULL,
                reference TEXT NOT NULL CHECK (reference <> ''),
                PRIMARY KEY (record_id, position)
            );

            -- A yearly commendation and the core award that carries it. A revoked award is
            -- revoked in the core; a new commendation of the same recipient may follow it.
            CREATE TABLE two_goods_commendation (
                id INTEGER PRIMARY KEY,
                participation_id INTEGER NOT NULL REFERENCES two_goods_participation(id),
                campaign_id TEXT NOT NULL,
                school_year INTEGER NOT NULL,
                school_unit_id TEXT NOT NULL,
                -- NULL for the school's collective commendation.
                member_id TEXT,
                award_id TEXT NOT NULL UNIQUE,
                form_code TEXT NOT NULL,
                issuing_unit_id TEXT NOT NULL,
                achievement TEXT NOT NULL,
                decision_number TEXT NOT NULL,
                decision_date TEXT NOT NULL
            );
            CREATE INDEX two_goods_commendation_participation ON two_goods_commendation(participation_id);

            -- The rules of each regulation from its effective date (TwoGoodsRules), and the sets
            -- the module ships (TwoGoodsRules.defaults).
            CREATE TABLE two_goods_rule_set (
                effective_from TEXT PRIMARY KEY,
                regulation TEXT NOT NULL CHECK (regulation <> ''),
                required_training_hours REAL NOT NULL CHECK (required_training_hours >= 0),
                max_hours_per_year REAL NOT NULL CHECK (max_hours_per_year > 0),
                exclude_fully_state_funded INTEGER NOT NULL,
                collective_commendation_minimum INTEGER NOT NULL CHECK (collective_commendation_minimum BETWEEN 1 AND 4),
                individual_commendation_needs_achievement INTEGER NOT NULL
            );
            INSERT INTO two_goods_rule_set VALUES
                ('2000-01-01', 'Thông tư 19/2019/TT-BGDĐT (bồi dưỡng thường xuyên); hướng dẫn thi đua Hai tốt', 120, 1000, 0, 1, 1),
                ('2025-07-01', 'Sắp xếp tổ chức công đoàn từ 01/7/2025: giải thể công đoàn đơn vị sự nghiệp công lập do ngân sách bảo đảm toàn bộ', 120, 1000, 1, 1, 1);
            """),
        // Revocations happen in the core; the module now keeps their date on its own row, told by
        // the core (observeAwardRevocations) and brought up to date at start-up.
        Migration("0002_commendation_revoked_on", sql: """
            ALTER TABLE two_goods_commendation ADD COLUMN revoked_on TEXT;
            """),
    ]
}
