-- The money moved to distributor_account and the referred customers, orders and GMV to reporting's own tables:
-- the totals row keeps only what open orders are expected to earn.
DROP INDEX IF EXISTS distributor_totals_referred_idx;
DROP INDEX IF EXISTS distributor_totals_gmv_idx;
DROP INDEX IF EXISTS distributor_totals_earned_idx;
ALTER TABLE distributor_totals DROP COLUMN referred;
ALTER TABLE distributor_totals DROP COLUMN orders;
ALTER TABLE distributor_totals DROP COLUMN gmv;
ALTER TABLE distributor_totals DROP COLUMN frozen;
ALTER TABLE distributor_totals DROP COLUMN available;
ALTER TABLE distributor_totals DROP COLUMN on_hold;
ALTER TABLE distributor_totals DROP COLUMN earned;
ALTER TABLE distributor_totals DROP COLUMN withdrawing;
ALTER TABLE distributor_totals DROP COLUMN withdrawn;
ALTER TABLE distributor_totals DROP COLUMN credit_spent;
ALTER TABLE distributor_totals DROP COLUMN clawed_back;
ALTER TABLE distributor_totals DROP COLUMN ordering_invitees;
ALTER TABLE distributor_totals DROP COLUMN level1_goods;
DROP TABLE referred_order;
