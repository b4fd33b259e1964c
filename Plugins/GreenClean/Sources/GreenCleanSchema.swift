import ThiduaModuleKit

/// The module's tables, and the criteria sheet it ships. Frozen once shipped: change the schema or
/// the default sheet with a new migration (a new sheet is a new version, defined by a migration or
/// through `Sheets/DefineSheet`).
enum GreenCleanSchema {
    static let migrations: [Migration] = [
        Migration("0001_sheets", sql: """
            CREATE TABLE green_clean_sheet (
                version INTEGER PRIMARY KEY,
                title TEXT NOT NULL CHECK (title <> ''),
                regulation TEXT NOT NULL DEFAULT '',
                effective_from TEXT NOT NULL,
                passing_score INTEGER NOT NULL CHECK (passing_score > 0)
            );
            CREATE TABLE green_clean_criterion (
                sheet_version INTEGER NOT NULL REFERENCES green_clean_sheet(version),
                position INTEGER NOT NULL,
                code TEXT NOT NULL,
                name TEXT NOT NULL CHECK (name <> ''),
                max_points INTEGER NOT NULL CHECK (max_points > 0),
                PRIMARY KEY (sheet_version, code),
                UNIQUE (sheet_version, position)
            );
            """),
        // The sheet of the older guidance: 100 points, recognised from 96 [practice, unverified:
        // a deployment defines its own version].
        Migration("0002_default_sheet", sql: """
            INSERT INTO green_clean_sheet (version, title, regulation, effective_from, passing_score) VALUES (
                1,
                'Thang điểm "Xanh – Sạch – Đẹp, Bảo đảm ATVSLĐ"',
                'Hướng dẫn của công đoàn về phong trào "Xanh – Sạch – Đẹp, Bảo đảm ATVSLĐ" (thang điểm cũ: 100 điểm, đạt từ 96 điểm)',
                '2000-01-01',
                96
            );
            INSERT INTO green_clean_criterion (sheet_version, position, code, name, max_points) VALUES
                (1, 1, 'TC', 'Tổ chức thực hiện: kế hoạch, đăng ký, tuyên truyền, tự kiểm tra', 10),
                (1, 2, 'X', 'Xanh: cây xanh, bồn hoa, thảm cỏ trong khuôn viên được trồng và chăm sóc', 15),
                (1, 3, 'S1', 'Sạch: khuôn viên, nơi làm việc sạch sẽ; rác thải được thu gom, phân loại, xử lý', 15),
                (1, 4, 'S2', 'Sạch: nhà vệ sinh, nước sạch, nơi ăn uống bảo đảm vệ sinh', 10),
                (1, 5, 'D', 'Đẹp: cảnh quan hài hòa, nơi làm việc bố trí khoa học, gọn gàng', 15),
                (1, 6, 'AT', 'ATVSLĐ: nội quy, quy trình an toàn, phương tiện bảo vệ cá nhân, huấn luyện, khám sức khỏe định kỳ', 20),
                (1, 7, 'PCCN', 'Phòng cháy, chữa cháy và cứu nạn: phương án, phương tiện, diễn tập', 15);
            """),
        Migration("0003_registrations", sql: """
            CREATE TABLE green_clean_registration (
                id INTEGER PRIMARY KEY,
                campaign_id TEXT NOT NULL,
                unit_id TEXT NOT NULL,
                year INTEGER NOT NULL,
                appraising_unit_id TEXT NOT NULL,
                sheet_version INTEGER NOT NULL REFERENCES green_clean_sheet(version),
                -- GreenCleanState: REGISTERED (1) to NOT_RECOGNISED (8).
                state INTEGER NOT NULL CHECK (state BETWEEN 1 AND 8),
                round INTEGER NOT NULL DEFAULT 0 CHECK (round >= 0),
                registered_on TEXT NOT NULL,
                submitted_on TEXT,
                appraised_on TEXT,
                appraisal_note TEXT NOT NULL DEFAULT '',
                returned_on TEXT,
                return_reason TEXT NOT NULL DEFAULT '',
                proposed_on TEXT,
                proposal_note TEXT NOT NULL DEFAULT '',
                decided_on TEXT,
                decision_number TEXT NOT NULL DEFAULT '',
                decision_date TEXT,
                award_id TEXT,
                decline_reason TEXT NOT NULL DEFAULT '',
                upward_unit_id TEXT,
                upward_form_code TEXT NOT NULL DEFAULT '',
                upward_note TEXT NOT NULL DEFAULT '',
                upward_proposed_on TEXT,
                UNIQUE (unit_id, year)
            );
            CREATE INDEX green_clean_registration_campaign ON green_clean_registration(campaign_id);
            CREATE INDEX green_clean_registration_year ON green_clean_registration(year);

            -- One row per criterion of the registration's sheet once self-assessed.
            CREATE TABLE green_clean_score (
                registration_id INTEGER NOT NULL REFERENCES green_clean_registration(id),
                criterion_code TEXT NOT NULL,
                position INTEGER NOT NULL,
                claimed_points INTEGER NOT NULL CHECK (claimed_points >= 0),
                note TEXT NOT NULL DEFAULT '',
                -- NULL until appraised.
                appraised_points INTEGER CHECK (appraised_points >= 0),
                -- Empty unless the appraisal changed the claimed points.
                adjustment_reason TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (registration_id, criterion_code)
            );
            CREATE TABLE green_clean_evidence (
                registration_id INTEGER NOT NULL,
                criterion_code TEXT NOT NULL,
                position INTEGER NOT NULL,
                reference TEXT NOT NULL CHECK (reference <> ''),
                PRIMARY KEY (registration_id, criterion_code, position),
                FOREIGN KEY (registration_id, criterion_code) REFERENCES green_clean_score(registration_id, criterion_code)
            );
            """),
        Migration("0004_safety_facts", sql: """
            CREATE TABLE green_clean_safety_fact (
                id INTEGER PRIMARY KEY,
                unit_id TEXT NOT NULL,
                -- GreenCleanFactKind: FATAL_WORK_ACCIDENT (1) to OCCUPATIONAL_DISEASE_CASES (4).
                kind INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 4),
                year INTEGER NOT NULL,
                -- The day of an accident, fire or explosion; NULL for a count of cases.
                occurred_on TEXT CHECK ((kind = 4) = (occurred_on IS NULL)),
                cases INTEGER NOT NULL DEFAULT 0 CHECK (cases >= 0),
                description TEXT NOT NULL CHECK (description <> ''),
                reference TEXT NOT NULL DEFAULT '',
                recorded_on TEXT NOT NULL,
                retracted_on TEXT,
                retract_reason TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX green_clean_safety_fact_unit ON green_clean_safety_fact(unit_id, year);
            -- One live count of occupational-disease cases per unit and year.
            CREATE UNIQUE INDEX green_clean_disease_count ON green_clean_safety_fact(unit_id, year)
                WHERE kind = 4 AND retracted_on IS NULL;
            """),
    ]
}
