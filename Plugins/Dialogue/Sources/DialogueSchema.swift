import ThiduaModuleKit

/// The module's tables. Units are referred to by their wire ids ("u17"): the module knows the
/// core only through the kit. Dates are "YYYY-MM-DD" text, which sorts as dates do.
enum DialogueSchema {
    static let migrations: [Migration] = [
        Migration("0001_dialogues_agreements", sql: """
            -- How many employees an enterprise had as of a date; the vote base and the delegation size.
            CREATE TABLE dialogue_headcount (
                unit_id TEXT NOT NULL,
                as_of TEXT NOT NULL,
                employees INTEGER NOT NULL CHECK (employees > 0),
                PRIMARY KEY (unit_id, as_of)
            );

            CREATE TABLE dialogue_dialogue (
                id INTEGER PRIMARY KEY,
                unit_id TEXT NOT NULL,
                kind INTEGER NOT NULL,
                event INTEGER NOT NULL,
                requested_by INTEGER NOT NULL,
                requested_on TEXT,
                campaign_id TEXT,
                planned_on TEXT NOT NULL,
                agenda TEXT NOT NULL,
                employees INTEGER NOT NULL,
                delegation_size INTEGER NOT NULL CHECK (delegation_size > 0),
                state INTEGER NOT NULL,
                held_on TEXT,
                employer_legal_representative_present INTEGER NOT NULL,
                representatives_present INTEGER NOT NULL,
                minutes_signed_on TEXT,
                minutes_published_on TEXT,
                minutes_summary TEXT NOT NULL,
                cancel_reason TEXT NOT NULL
            );
            CREATE INDEX dialogue_dialogue_unit ON dialogue_dialogue(unit_id);

            CREATE TABLE dialogue_agreement (
                id INTEGER PRIMARY KEY,
                unit_id TEXT NOT NULL,
                title TEXT NOT NULL CHECK (title <> ''),
                -- The last step recorded (AgreementState REQUESTED to FILED, or WITHDRAWN).
                stage INTEGER NOT NULL,
                requested_by INTEGER NOT NULL,
                requested_on TEXT NOT NULL,
                renews_id INTEGER REFERENCES dialogue_agreement(id),
                renewed_by_id INTEGER REFERENCES dialogue_agreement(id),
                drafted_on TEXT,
                signed_on TEXT,
                effective_from TEXT,
                term_years INTEGER NOT NULL,
                expires_on TEXT,
                quality_grade INTEGER NOT NULL,
                favourable_clauses INTEGER NOT NULL,
                filed_on TEXT,
                filed_with TEXT NOT NULL,
                continued_until TEXT,
                replaced_on TEXT,
                withdrawn_on TEXT,
                withdraw_reason TEXT NOT NULL
            );
            CREATE INDEX dialogue_agreement_unit ON dialogue_agreement(unit_id);

            CREATE TABLE dialogue_session (
                id INTEGER PRIMARY KEY,
                agreement_id INTEGER NOT NULL REFERENCES dialogue_agreement(id),
                number INTEGER NOT NULL,
                held_on TEXT NOT NULL,
                minutes TEXT NOT NULL CHECK (minutes <> ''),
                UNIQUE (agreement_id, number)
            );

            CREATE TABLE dialogue_clause (
                agreement_id INTEGER NOT NULL REFERENCES dialogue_agreement(id),
                number INTEGER NOT NULL,
                title TEXT NOT NULL,
                topic INTEGER NOT NULL,
                more_favourable INTEGER NOT NULL,
                term_months INTEGER NOT NULL,
                expires_on TEXT,
                PRIMARY KEY (agreement_id, number)
            );

            CREATE TABLE dialogue_vote (
                agreement_id INTEGER NOT NULL REFERENCES dialogue_agreement(id),
                number INTEGER NOT NULL,
                voted_on TEXT NOT NULL,
                employees INTEGER NOT NULL,
                in_favour INTEGER NOT NULL,
                against INTEGER NOT NULL,
                passed INTEGER NOT NULL,
                PRIMARY KEY (agreement_id, number)
            );

            -- Versions of the rules a deployment added; the built-in default covers other dates.
            CREATE TABLE dialogue_rule_set (
                effective_from TEXT PRIMARY KEY,
                regulation TEXT NOT NULL,
                -- The thidua.dialogue.v1.DialogueRuleSet, as protobuf JSON.
                rules TEXT NOT NULL
            );
            """),
        // An agreement's term in months: the law allows any term from 1 to 3 years [Labour Code
        // 2019 Art. 78], 18 months as well as 2 years. Terms stored in years become months;
        // term_years stays, written as the whole years of the term, and is no longer read.
        Migration("0002_agreement_term_months", sql: """
            ALTER TABLE dialogue_agreement ADD COLUMN term_months INTEGER NOT NULL DEFAULT 0;
            UPDATE dialogue_agreement SET term_months = term_years * 12;
            """),
        // A copy filed after the 10 days of Labour Code 2019 Art. 77 is recorded and flagged, not
        // refused: it does not void the agreement [Art. 78]. Every copy stored before was on time.
        Migration("0003_agreement_filed_late", sql: """
            ALTER TABLE dialogue_agreement ADD COLUMN filed_late INTEGER NOT NULL DEFAULT 0;
            """),
    ]
}
