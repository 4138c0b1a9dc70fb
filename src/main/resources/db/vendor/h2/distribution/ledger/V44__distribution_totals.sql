-- Vendor-specific (db/vendor/postgresql has the same migration plus an expression index on LOWER(customer.name)):
-- keep both files alike.
-- Per-distributor totals (issue #6): the roll, the owner's overview and the dashboard read one row per distributor
-- instead of aggregating every order and ledger entry per page view. Kept exact by DistributorTotals in the same
-- transaction as every write that changes a figure; DistributorTotalsTests compares it with the ledger sums.
-- referred: customers bound to the distributor; orders/gmv: their orders not cancelled (gmv = total - refunded);
-- frozen/available/on_hold: ledger entries by state (available before withdrawals and store credit);
-- earned = frozen + available + on_hold (the roll's commission sort); withdrawing: REQUESTED withdrawals;
-- withdrawn: PAID withdrawals; credit_spent: store credit spent and not restored; clawed_back: sum of CLAWBACK
-- entries (zero or negative); ordering_invitees: invitees with an order not cancelled; level1_goods: what was paid
-- for the goods of not-cancelled orders where the distributor is level 1 (the dashboard's GMV).
-- (Share-link clicks are not kept here: a counter row updated by every click serialises the clicks.)
CREATE TABLE distributor_totals (
    customer_id        BIGINT         NOT NULL PRIMARY KEY REFERENCES customer (id),
    referred           BIGINT         NOT NULL DEFAULT 0,
    orders             BIGINT         NOT NULL DEFAULT 0,
    gmv                NUMERIC(19, 2) NOT NULL DEFAULT 0,
    frozen             NUMERIC(19, 2) NOT NULL DEFAULT 0,
    available          NUMERIC(19, 2) NOT NULL DEFAULT 0,
    on_hold            NUMERIC(19, 2) NOT NULL DEFAULT 0,
    earned             NUMERIC(19, 2) NOT NULL DEFAULT 0,
    withdrawing        NUMERIC(19, 2) NOT NULL DEFAULT 0,
    withdrawn          NUMERIC(19, 2) NOT NULL DEFAULT 0,
    credit_spent       NUMERIC(19, 2) NOT NULL DEFAULT 0,
    clawed_back        NUMERIC(19, 2) NOT NULL DEFAULT 0,
    ordering_invitees  BIGINT         NOT NULL DEFAULT 0,
    level1_goods       NUMERIC(19, 2) NOT NULL DEFAULT 0
);
CREATE INDEX distributor_totals_referred_idx ON distributor_totals (referred DESC, customer_id);
CREATE INDEX distributor_totals_gmv_idx ON distributor_totals (gmv DESC, customer_id);
CREATE INDEX distributor_totals_earned_idx ON distributor_totals (earned DESC, customer_id);

-- One row per order of a bound customer: what it counts for its referrer (counted = not cancelled; amount =
-- total - refunded). Order events may be redelivered: the totals move by new - old of this row, never twice.
CREATE TABLE referred_order (
    order_id     BIGINT         NOT NULL PRIMARY KEY,
    referrer_id  BIGINT         NOT NULL,
    buyer_id     BIGINT         NOT NULL,
    counted      BOOLEAN        NOT NULL,
    amount       NUMERIC(19, 2) NOT NULL
);
CREATE INDEX referred_order_buyer_idx ON referred_order (buyer_id, counted);
CREATE INDEX referred_order_referrer_idx ON referred_order (referrer_id, counted, buyer_id, amount);

-- The dashboard reads only what it shows: invitees newest first, whether one has ordered, the chart's weeks
-- (index-only: kind, time, state, amount), the next unfreeze date.
CREATE INDEX referral_binding_referrer_bound_idx ON referral_binding (referrer_id, bound_at, referee_id);
CREATE INDEX commission_snapshot_buyer_idx ON commission_snapshot (buyer_id, state);
CREATE INDEX commission_entry_distributor_chart_idx ON commission_entry (distributor_id, kind, created_at, state, amount);
CREATE INDEX commission_entry_distributor_unfreeze_idx ON commission_entry (distributor_id, state, unfreezes_at);

-- Backfill from the data as it is.
INSERT INTO referred_order (order_id, referrer_id, buyer_id, counted, amount)
SELECT so.id, b.referrer_id, so.customer_id, CASE WHEN so.status <> 'CANCELLED' THEN TRUE ELSE FALSE END,
    so.total - so.refunded_total
FROM shop_order so JOIN referral_binding b ON b.referee_id = so.customer_id;

INSERT INTO distributor_totals (customer_id)
SELECT customer_id FROM distributor
UNION SELECT distributor_id FROM commission_entry
UNION SELECT referrer_id FROM referral_binding;

UPDATE distributor_totals SET
    referred = (SELECT COUNT(*) FROM referral_binding b WHERE b.referrer_id = distributor_totals.customer_id),
    orders = (SELECT COUNT(*) FROM referred_order o
              WHERE o.referrer_id = distributor_totals.customer_id AND o.counted),
    gmv = (SELECT COALESCE(SUM(o.amount), 0) FROM referred_order o
           WHERE o.referrer_id = distributor_totals.customer_id AND o.counted),
    ordering_invitees = (SELECT COUNT(DISTINCT o.buyer_id) FROM referred_order o
                         WHERE o.referrer_id = distributor_totals.customer_id AND o.counted),
    frozen = (SELECT COALESCE(SUM(e.amount), 0) FROM commission_entry e
              WHERE e.distributor_id = distributor_totals.customer_id AND e.state = 'FROZEN'),
    available = (SELECT COALESCE(SUM(e.amount), 0) FROM commission_entry e
                 WHERE e.distributor_id = distributor_totals.customer_id AND e.state = 'AVAILABLE'),
    on_hold = (SELECT COALESCE(SUM(e.amount), 0) FROM commission_entry e
               WHERE e.distributor_id = distributor_totals.customer_id AND e.state = 'ON_HOLD'),
    clawed_back = (SELECT COALESCE(SUM(e.amount), 0) FROM commission_entry e
                   WHERE e.distributor_id = distributor_totals.customer_id AND e.kind = 'CLAWBACK'),
    withdrawing = (SELECT COALESCE(SUM(w.amount), 0) FROM withdrawal w
                   WHERE w.distributor_id = distributor_totals.customer_id AND w.state = 'REQUESTED'),
    withdrawn = (SELECT COALESCE(SUM(w.amount), 0) FROM withdrawal w
                 WHERE w.distributor_id = distributor_totals.customer_id AND w.state = 'PAID'),
    credit_spent = (SELECT COALESCE(SUM(s.cash_amount), 0) FROM store_credit_spend s
                    WHERE s.distributor_id = distributor_totals.customer_id AND s.restored_at IS NULL),
    level1_goods = (SELECT COALESCE(SUM(l.paid_amount), 0) FROM commission_snapshot s
                    JOIN commission_snapshot_line l ON l.order_id = s.order_id
                    WHERE s.level1_id = distributor_totals.customer_id AND s.state <> 'CANCELLED');

UPDATE distributor_totals SET earned = frozen + available + on_hold;
