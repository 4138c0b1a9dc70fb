-- The shop-wide staff commission: one row, no percent until the owner sets one.
CREATE TABLE care_staff_commission (
    id      SMALLINT     PRIMARY KEY,
    percent NUMERIC(5,2),
    CONSTRAINT care_staff_commission_single CHECK (id = 1),
    CONSTRAINT care_staff_commission_range CHECK (percent IS NULL OR (percent >= 0 AND percent <= 50))
);
INSERT INTO care_staff_commission (id, percent) VALUES (1, NULL);
