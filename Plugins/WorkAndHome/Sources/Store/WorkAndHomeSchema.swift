import ThiduaModuleKit

/// The module's tables, and the criteria it ships. Frozen once shipped: a new schema or a new
/// version of the criteria is a new migration.
enum WorkAndHomeSchema {
    static let migrations: [Migration] = [
        Migration("0001_criteria", sql: """
            CREATE TABLE work_and_home_criteria (
                version INTEGER PRIMARY KEY,
                title TEXT NOT NULL CHECK (title <> ''),
                guidance TEXT NOT NULL DEFAULT '',
                effective_from TEXT NOT NULL
            );
            CREATE TABLE work_and_home_criterion (
                criteria_version INTEGER NOT NULL REFERENCES work_and_home_criteria(version),
                position INTEGER NOT NULL,
                code TEXT NOT NULL,
                name TEXT NOT NULL CHECK (name <> ''),
                description TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (criteria_version, code),
                UNIQUE (criteria_version, position)
            );
            """),
        // The three criteria of the campaign among women workers, as the union's guidance words
        // them [practice, unverified: a deployment adds its own version with a migration]. In force
        // from 2000, the first year a campaign may have.
        Migration("0002_default_criteria", sql: """
            INSERT INTO work_and_home_criteria (version, title, guidance, effective_from) VALUES (
                1,
                'Tiêu chí "Giỏi việc nước, đảm việc nhà"',
                'Hướng dẫn của Tổng Liên đoàn Lao động Việt Nam về phong trào thi đua "Giỏi việc nước, đảm việc nhà" trong nữ CNVCLĐ (tiêu chí cá nhân)',
                '2000-01-01'
            );
            INSERT INTO work_and_home_criterion (criteria_version, position, code, name, description) VALUES
                (1, 1, 'work', 'Giỏi việc nước',
                 'Hoàn thành tốt nhiệm vụ được giao; chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước và nội quy, quy chế của cơ quan, đơn vị; tích cực học tập nâng cao trình độ chuyên môn, nghiệp vụ, tay nghề; có sáng kiến, cải tiến trong lao động, công tác'),
                (1, 2, 'family', 'Đảm việc nhà',
                 'Xây dựng gia đình no ấm, tiến bộ, hạnh phúc, văn minh; nuôi dạy con ngoan, học tốt; thực hiện bình đẳng giới, chính sách dân số, không có bạo lực gia đình'),
                (1, 3, 'community', 'Tham gia hoạt động xã hội',
                 'Tích cực tham gia hoạt động của Công đoàn, nữ công và các phong trào thi đua; tham gia hoạt động xã hội, từ thiện, tương thân tương ái tại nơi làm việc và nơi cư trú');
            """),
        Migration("0003_registrations", sql: """
            CREATE TABLE work_and_home_registration (
                id INTEGER PRIMARY KEY,
                campaign_id TEXT NOT NULL,
                member_id TEXT NOT NULL,
                member_name TEXT NOT NULL,
                unit_id TEXT NOT NULL,
                year INTEGER NOT NULL,
                criteria_version INTEGER NOT NULL REFERENCES work_and_home_criteria(version),
                -- WorkAndHomeState: REGISTERED (1) to PUBLISHED (6).
                state INTEGER NOT NULL CHECK (state BETWEEN 1 AND 6),
                registered_on TEXT NOT NULL,
                assessed_on TEXT,
                -- The core's review, once proposed, and its round.
                review_id TEXT,
                round INTEGER NOT NULL DEFAULT 0 CHECK (round >= 0),
                return_reason TEXT NOT NULL DEFAULT '',
                recognised_on TEXT,
                UNIQUE (member_id, year)
            );
            CREATE INDEX work_and_home_registration_unit ON work_and_home_registration(unit_id, year);

            -- One row per criterion once she assessed herself.
            CREATE TABLE work_and_home_assessment (
                registration_id INTEGER NOT NULL REFERENCES work_and_home_registration(id),
                criterion_code TEXT NOT NULL,
                position INTEGER NOT NULL,
                met INTEGER NOT NULL CHECK (met IN (0, 1)),
                note TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (registration_id, criterion_code)
            );
            CREATE TABLE work_and_home_evidence (
                registration_id INTEGER NOT NULL,
                criterion_code TEXT NOT NULL,
                position INTEGER NOT NULL,
                reference TEXT NOT NULL CHECK (reference <> ''),
                PRIMARY KEY (registration_id, criterion_code, position),
                FOREIGN KEY (registration_id, criterion_code) REFERENCES work_and_home_assessment(registration_id, criterion_code)
            );
            """),
    ]
}
