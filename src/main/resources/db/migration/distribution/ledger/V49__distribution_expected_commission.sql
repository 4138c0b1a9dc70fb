-- What open orders are expected to earn (issue #6): the dashboard's "expected" read one row instead of computing the
-- commission of every open order line of the distributor per view. distributor_totals.expected: the sum over the
-- distributor's open (PLACED) orders; commission_snapshot.level1_expected / level2_expected: what the order counts
-- for now in its sharers' totals (NULL = nothing yet). Kept by DistributorTotals.syncExpected in the transaction of
-- every change to a snapshot (placed, refunded before completion, completed, cancelled); the open orders already
-- placed are counted by the Java migration V50 (the amounts come from CommissionPolicy, not SQL).
ALTER TABLE commission_snapshot ADD COLUMN level1_expected NUMERIC(19, 2);
ALTER TABLE commission_snapshot ADD COLUMN level2_expected NUMERIC(19, 2);
ALTER TABLE distributor_totals ADD COLUMN expected NUMERIC(19, 2) NOT NULL DEFAULT 0;
