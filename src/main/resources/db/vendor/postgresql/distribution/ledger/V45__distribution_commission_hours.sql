-- Vendor-specific (db/vendor/h2 has the same migration without INCLUDE, which H2 cannot make): keep both files alike.
-- Commission credited per distributor and hour (issue #6): the dashboard's 12-week chart sums at most 2 016 rows
-- instead of every entry of those weeks (a busy distributor has tens of thousands). hour_no counts whole hours since
-- 1970-01-01T00:00Z, so weeks that start on a whole hour in the shop's zone are whole sums of buckets; the chart reads
-- the entries themselves only for the part-hours of other zones. credited: COMMISSION entries, not VOID, created in
-- that hour. Kept exact by DistributorTotals in the same transaction as every insert and void;
-- DistributorTotalsTests compares it with the entries. The key includes credited, so the chart's sums
-- are index-only scans (the rows of one distributor lie scattered over the heap).
CREATE TABLE distributor_commission_hour (
    distributor_id  BIGINT         NOT NULL,
    hour_no         BIGINT         NOT NULL,
    credited        NUMERIC(19, 2) NOT NULL,
    PRIMARY KEY (distributor_id, hour_no) INCLUDE (credited)
);

INSERT INTO distributor_commission_hour (distributor_id, hour_no, credited)
SELECT distributor_id, CAST(FLOOR(EXTRACT(EPOCH FROM created_at) / 3600) AS BIGINT), SUM(amount)
FROM commission_entry WHERE kind = 'COMMISSION' AND state <> 'VOID'
GROUP BY distributor_id, CAST(FLOOR(EXTRACT(EPOCH FROM created_at) / 3600) AS BIGINT);
