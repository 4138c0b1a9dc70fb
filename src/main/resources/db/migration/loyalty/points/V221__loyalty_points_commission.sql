-- A sharer's commission entries taken as points: the points bonus in force when each was credited (so the points
-- paid when it becomes available are worth what was promised then), the money paid as points then, and how much of
-- that was clawed back after, so its points are taken back in proportion.
CREATE TABLE loyalty_points_commission (
    entry_id      BIGINT         NOT NULL PRIMARY KEY,
    customer_id   BIGINT         NOT NULL,
    bonus_percent NUMERIC(5, 2)  NOT NULL,
    paid          NUMERIC(19, 2),
    clawed_back   NUMERIC(19, 2) NOT NULL DEFAULT 0
);

-- The clawbacks heard, so one heard twice takes nothing more.
CREATE TABLE loyalty_points_commission_clawback (
    clawback_entry_id BIGINT NOT NULL PRIMARY KEY
);
