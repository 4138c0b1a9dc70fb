ALTER TABLE distributor DROP CONSTRAINT distributor_reward_form_known;
ALTER TABLE distributor ADD CONSTRAINT distributor_reward_form_known
    CHECK (reward_form IN ('CASH', 'STORE_CREDIT', 'POINTS'));

-- Which reward forms the owner offers sharers, and the points bonus. One row, the rules in force now. Points are
-- opt-in: a shop that has not thought about what its points are worth keeps offering what it offered before.
CREATE TABLE referral_reward_forms (
    id                   INT           NOT NULL PRIMARY KEY,
    cash                 BOOLEAN       NOT NULL,
    store_credit         BOOLEAN       NOT NULL,
    points               BOOLEAN       NOT NULL,
    points_bonus_percent NUMERIC(5, 2) NOT NULL,
    version              BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT referral_reward_forms_single CHECK (id = 1),
    CONSTRAINT referral_reward_forms_one_allowed CHECK (cash OR store_credit OR points),
    CONSTRAINT referral_reward_forms_bonus CHECK (points_bonus_percent BETWEEN 0 AND 100)
);
INSERT INTO referral_reward_forms (id, cash, store_credit, points, points_bonus_percent) VALUES (1, TRUE, TRUE, FALSE, 30.00);
