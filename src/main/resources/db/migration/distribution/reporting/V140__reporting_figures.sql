-- Reporting's own record of what the order and referral events said, so its pages read its tables only and each
-- figure has one definition: an order counts while it is not cancelled; its GMV is what the buyer paid for the
-- goods (after discounts, without shipping) less the goods refunded.

-- Every customer who ordered or was bound: their referrer (for good), whether they came through the share link,
-- how many of their orders count and when the first of those was placed (the honour roll's "first order").
CREATE TABLE report_customer (
    customer_id     BIGINT                   NOT NULL PRIMARY KEY,
    referrer_id     BIGINT,
    bound_at        TIMESTAMP WITH TIME ZONE,
    through_link    BOOLEAN                  NOT NULL DEFAULT FALSE,
    counted_orders  BIGINT                   NOT NULL DEFAULT 0,
    first_order_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX report_customer_referrer_bound_idx ON report_customer (referrer_id, bound_at, customer_id);
CREATE INDEX report_customer_referrer_first_order_idx ON report_customer (referrer_id, first_order_at);

-- One row per order of the shop (the natural key makes a redelivered OrderPlaced harmless).
CREATE TABLE report_order (
    order_id     BIGINT                   NOT NULL PRIMARY KEY,
    buyer_id     BIGINT                   NOT NULL,
    referrer_id  BIGINT,
    placed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    goods        NUMERIC(19, 2)           NOT NULL,
    refunded     NUMERIC(19, 2)           NOT NULL DEFAULT 0,
    cancelled    BOOLEAN                  NOT NULL DEFAULT FALSE
);
CREATE INDEX report_order_buyer_idx ON report_order (buyer_id, cancelled, placed_at);
CREATE INDEX report_order_referrer_idx ON report_order (referrer_id, placed_at);
CREATE INDEX report_order_placed_idx ON report_order (placed_at);

-- Refunds already counted (a redelivered OrderRefunded changes nothing).
CREATE TABLE report_order_refund (
    order_id    BIGINT      NOT NULL,
    refund_ref  VARCHAR(64) NOT NULL,
    PRIMARY KEY (order_id, refund_ref)
);

-- One row per distributor, moved by the events above, so a page reads one row however long the history.
-- referred: customers bound; through_link: of those, bound by the share link; ordering: referred customers with
-- an order that counts; orders and gmv: their orders that count.
CREATE TABLE report_distributor (
    customer_id   BIGINT         NOT NULL PRIMARY KEY,
    referred      BIGINT         NOT NULL DEFAULT 0,
    through_link  BIGINT         NOT NULL DEFAULT 0,
    ordering      BIGINT         NOT NULL DEFAULT 0,
    orders        BIGINT         NOT NULL DEFAULT 0,
    gmv           NUMERIC(19, 2) NOT NULL DEFAULT 0
);
CREATE INDEX report_distributor_referred_idx ON report_distributor (referred DESC, customer_id);
CREATE INDEX report_distributor_gmv_idx ON report_distributor (gmv DESC, customer_id);

-- Backfill from the data as it is.
INSERT INTO report_customer (customer_id, referrer_id, bound_at, through_link)
SELECT referee_id, referrer_id, bound_at, CASE WHEN source = 'LINK' THEN TRUE ELSE FALSE END FROM referral_binding;

INSERT INTO report_order (order_id, buyer_id, referrer_id, placed_at, goods, refunded, cancelled)
SELECT o.id, o.customer_id, b.referrer_id, o.placed_at,
    (SELECT COALESCE(SUM(l.paid_amount), 0) FROM order_line l WHERE l.order_id = o.id),
    (SELECT COALESCE(SUM(l.refunded_amount), 0) FROM order_line l WHERE l.order_id = o.id),
    CASE WHEN o.status = 'CANCELLED' THEN TRUE ELSE FALSE END
FROM shop_order o LEFT JOIN referral_binding b ON b.referee_id = o.customer_id;

INSERT INTO report_customer (customer_id)
SELECT DISTINCT o.buyer_id FROM report_order o
WHERE NOT EXISTS (SELECT 1 FROM report_customer c WHERE c.customer_id = o.buyer_id);

UPDATE report_customer SET
    counted_orders = (SELECT COUNT(*) FROM report_order o
                      WHERE o.buyer_id = report_customer.customer_id AND o.cancelled = FALSE),
    first_order_at = (SELECT MIN(o.placed_at) FROM report_order o
                      WHERE o.buyer_id = report_customer.customer_id AND o.cancelled = FALSE);

INSERT INTO report_distributor (customer_id)
SELECT customer_id FROM distributor UNION SELECT referrer_id FROM referral_binding;

UPDATE report_distributor SET
    referred = (SELECT COUNT(*) FROM report_customer c WHERE c.referrer_id = report_distributor.customer_id),
    through_link = (SELECT COUNT(*) FROM report_customer c
                    WHERE c.referrer_id = report_distributor.customer_id AND c.through_link = TRUE),
    ordering = (SELECT COUNT(*) FROM report_customer c
                WHERE c.referrer_id = report_distributor.customer_id AND c.counted_orders > 0),
    orders = (SELECT COUNT(*) FROM report_order o
              WHERE o.referrer_id = report_distributor.customer_id AND o.cancelled = FALSE),
    gmv = (SELECT COALESCE(SUM(o.goods - o.refunded), 0) FROM report_order o
           WHERE o.referrer_id = report_distributor.customer_id AND o.cancelled = FALSE);
