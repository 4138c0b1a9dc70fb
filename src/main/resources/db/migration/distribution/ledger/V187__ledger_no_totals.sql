-- The ledger keeps no counters besides distributor_account: what open orders are expected to earn is summed over the
-- distributor's open orders when read (commission_snapshot.level1_expected / level2_expected: what the order is
-- expected to earn that sharer, counted only while the order is PLACED), and the chart's hourly commission is
-- reporting's (report_commission_hour, V186).
DROP TABLE distributor_totals;
DROP TABLE distributor_commission_hour;

-- The expected-commission sums read the open orders of one sharer from the index alone.
DROP INDEX IF EXISTS commission_snapshot_level1_idx;
DROP INDEX IF EXISTS commission_snapshot_level2_idx;
CREATE INDEX commission_snapshot_level1_expected_idx ON commission_snapshot (level1_id, state, level1_expected);
CREATE INDEX commission_snapshot_level2_expected_idx ON commission_snapshot (level2_id, state, level2_expected);
