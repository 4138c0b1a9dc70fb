-- The dashboard chart's commission per distributor and hour, now reporting's own record, kept by CommissionHours from
-- the ledger's facts (CommissionCredited, CommissionVoided). hour_no counts whole hours since
-- 1970-01-01T00:00Z; credited: the commission entries created in that hour (held ones too) less those voided since.
-- The chart sums at most 2 016 rows per view instead of every entry of twelve weeks; the second index carries credited,
-- so those sums are index-only scans (one distributor's rows lie scattered over the heap).
CREATE TABLE report_commission_hour (
    distributor_id  BIGINT         NOT NULL,
    hour_no         BIGINT         NOT NULL,
    credited        NUMERIC(19, 2) NOT NULL,
    PRIMARY KEY (distributor_id, hour_no)
);
CREATE INDEX report_commission_hour_chart_idx ON report_commission_hour (distributor_id, hour_no, credited);

-- The facts already counted, by their natural keys (a redelivered event changes nothing): an order's credit for one
-- distributor at one level (0 = staff), and the void of one entry.
CREATE TABLE report_commission_credit (
    order_id        BIGINT NOT NULL,
    distributor_id  BIGINT NOT NULL,
    level           INT    NOT NULL,
    PRIMARY KEY (order_id, distributor_id, level)
);
CREATE TABLE report_commission_void (
    entry_id  BIGINT NOT NULL PRIMARY KEY
);

-- Backfill from the ledger as it is: every credit and void so far counts as heard.
INSERT INTO report_commission_hour (distributor_id, hour_no, credited)
SELECT distributor_id, CAST(FLOOR(EXTRACT(EPOCH FROM created_at) / 3600) AS BIGINT), SUM(amount)
FROM commission_entry WHERE kind = 'COMMISSION' AND state <> 'VOID'
GROUP BY distributor_id, CAST(FLOOR(EXTRACT(EPOCH FROM created_at) / 3600) AS BIGINT);

INSERT INTO report_commission_credit (order_id, distributor_id, level)
SELECT DISTINCT order_id, distributor_id, level FROM commission_entry WHERE kind = 'COMMISSION';

INSERT INTO report_commission_void (entry_id)
SELECT id FROM commission_entry WHERE kind = 'COMMISSION' AND state = 'VOID';
