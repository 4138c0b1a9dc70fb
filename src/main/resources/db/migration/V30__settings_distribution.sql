-- Distribution settings: one row (id = 1) with the defaults of DESIGN.md; every change is audited.
CREATE TABLE distribution_settings (
    id                         INT            NOT NULL PRIMARY KEY,
    enrolment_rule             VARCHAR(20)    NOT NULL DEFAULT 'EVERYONE',
    level1_percent             NUMERIC(5, 2)  NOT NULL DEFAULT 10.00,
    level2_percent             NUMERIC(5, 2)  NOT NULL DEFAULT 0.00,
    attribution_days           INT            NOT NULL DEFAULT 30,
    return_window_days         INT            NOT NULL DEFAULT 7,
    welcome_kind               VARCHAR(10)    NOT NULL DEFAULT 'PERCENT',
    welcome_value              NUMERIC(19, 2) NOT NULL DEFAULT 10.00,
    welcome_cap                NUMERIC(19, 2),
    store_credit_bonus_percent NUMERIC(5, 2)  NOT NULL DEFAULT 20.00,
    withdrawal_minimum         NUMERIC(19, 2) NOT NULL DEFAULT 10.00,
    withdrawal_fee_percent     NUMERIC(5, 2)  NOT NULL DEFAULT 0.00,
    monthly_budget             NUMERIC(19, 2),
    share_texts                TEXT,
    version                    BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT distribution_settings_single_row CHECK (id = 1),
    CONSTRAINT distribution_settings_rule_known CHECK (enrolment_rule IN ('EVERYONE', 'FIRST_PURCHASE', 'APPROVAL')),
    CONSTRAINT distribution_settings_rates CHECK (level1_percent BETWEEN 0 AND 100 AND level2_percent BETWEEN 0 AND 100
        AND store_credit_bonus_percent BETWEEN 0 AND 100 AND withdrawal_fee_percent BETWEEN 0 AND 100),
    CONSTRAINT distribution_settings_windows CHECK (attribution_days BETWEEN 1 AND 365 AND return_window_days IN (0, 7, 14, 30)),
    CONSTRAINT distribution_settings_welcome CHECK (welcome_kind IN ('PERCENT', 'FIXED') AND welcome_value >= 0
        AND (welcome_cap IS NULL OR welcome_cap >= 0)),
    CONSTRAINT distribution_settings_money CHECK (withdrawal_minimum >= 0 AND (monthly_budget IS NULL OR monthly_budget >= 0))
);

INSERT INTO distribution_settings (id) VALUES (1);
