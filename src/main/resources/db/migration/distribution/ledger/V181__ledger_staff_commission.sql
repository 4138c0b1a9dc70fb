-- The staff member an order is attributed to and the staff commission percent in force when it was placed.
ALTER TABLE commission_snapshot ADD COLUMN staff_account_id BIGINT;
ALTER TABLE commission_snapshot ADD COLUMN staff_percent NUMERIC(5,2);

-- Level 0 is the staff member's own share of an order, beside the sharers' levels 1 and 2.
ALTER TABLE commission_entry DROP CONSTRAINT commission_entry_level_known;
ALTER TABLE commission_entry ADD CONSTRAINT commission_entry_level_known CHECK (level IN (0, 1, 2));
