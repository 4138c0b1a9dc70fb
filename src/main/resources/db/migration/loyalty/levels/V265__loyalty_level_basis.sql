-- What the owner's level thresholds measure, one row: goods paid in a rolling 12 months (SPEND) or ever since the
-- levels began (LIFETIME), the thresholds amounts in the shop's currency; or points earned in a rolling 12 months
-- (POINTS), the thresholds whole points.
CREATE TABLE loyalty_level_basis (
    id         INT                      NOT NULL PRIMARY KEY,
    basis      VARCHAR(10)              NOT NULL DEFAULT 'SPEND',
    changed_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT loyalty_level_basis_one CHECK (id = 1),
    CONSTRAINT loyalty_level_basis_known CHECK (basis IN ('SPEND', 'LIFETIME', 'POINTS'))
);
INSERT INTO loyalty_level_basis (id) VALUES (1);
