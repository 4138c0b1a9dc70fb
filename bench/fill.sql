-- Fills a freshly migrated Micromall database with benchmark data, set-based (generate_series).
-- psql variables: customers, products, orders. Every row is deterministic; ids are explicit and the
-- identity sequences are moved past them at the end, so the app can insert after the fill.
-- Customers 1000+g (g = 1..customers) log in with the owner's password (same hash);
-- customer 1001 (bench1@bench.micromall) is the "star" distributor with many invitees and entries.
\set ON_ERROR_STOP on
BEGIN;
SET LOCAL synchronous_commit = off;

INSERT INTO category (id, name, slug, sort_order)
SELECT 1000 + g, 'Bench category ' || g, 'bench-' || g, g FROM generate_series(1, 20) g;

INSERT INTO product (id, category_id, name, description, price, stock, archived, created_at)
SELECT 1000 + g, 1001 + (g % 20),
       'Bench ' || (ARRAY['tea', 'cup', 'pot', 'scarf', 'lamp', 'book', 'soap', 'bag'])[1 + g % 8] || ' ' || g,
       'A benchmark product.', (5 + g % 200) + 0.50, 1000000, g % 50 = 0, now() - g * interval '1 minute'
FROM generate_series(1, :products) g;

-- One 1x1 PNG per product, so list pages look up first pictures as in a real shop.
INSERT INTO product_image (product_id, content_type, data, sort_order)
SELECT 1000 + g, 'image/png',
       decode('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'), 0
FROM generate_series(1, :products) g;

INSERT INTO customer (id, email, password_hash, name, phone, role, created_at, locale)
SELECT 1000 + g, 'bench' || g || '@bench.micromall', (SELECT password_hash FROM customer WHERE role = 'OWNER' LIMIT 1),
       'Bench Customer ' || g, '555-' || g, 'CUSTOMER', now() - interval '400 days' + g * interval '1 second', 'en'
FROM generate_series(1, :customers) g;

-- Referral chains: g is invited by g/3 (depth ~log3), every tenth customer by the star (customer 1001).
INSERT INTO referral_binding (referee_id, referrer_id, bound_at, source)
SELECT 1000 + g, 1000 + CASE WHEN g % 10 = 0 OR g < 4 THEN 1 ELSE g / 3 END,
       now() - interval '399 days' + g * interval '1 second', 'LINK'
FROM generate_series(2, :customers) g;

-- Every referrer (g <= customers/3) is an active distributor; the code is g in base 31 over the code alphabet.
INSERT INTO distributor (customer_id, code, status, reward_form, enrolled_at)
SELECT 1000 + g,
       (SELECT string_agg(substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', ((g / power(31, k)::bigint) % 31)::int + 1, 1), '' ORDER BY k DESC)
        FROM generate_series(0, 7) k),
       'ACTIVE', 'CASH', now() - interval '400 days'
FROM generate_series(1, greatest(:customers / 3, 1)) g;

-- Orders: two lines each, spread over the last year, buyers spread over all customers but the star.
INSERT INTO shop_order (id, number, checkout_token, customer_id, customer_name, customer_email, status, payment_method,
                        currency, goods_total, discount_total, shipping_fee, total, refunded_total, ship_recipient,
                        ship_phone, ship_line1, ship_city, ship_postal_code, ship_country, placed_at, paid_at)
SELECT i, 'MB-' || i, 'bench-' || i, 1000 + b, 'Bench Customer ' || b, 'bench' || b || '@bench.micromall', 'COMPLETED',
       'BANK_TRANSFER', 'CNY', p1 + p2, 0, 10, p1 + p2 + 10, 0, 'Bench Customer ' || b, '555', '1 Bench Road', 'Suzhou',
       '215000', 'China', at, at
FROM generate_series(1, :orders) i,
     LATERAL (SELECT 2 + (i::bigint * 7919) % greatest(:customers - 1, 1) AS b,
                     (5 + ((i * 31) % :products + 1) % 200) + 0.50 AS p1,
                     (5 + ((i * 17 + 5) % :products + 1) % 200) + 0.50 AS p2,
                     now() - interval '1 hour' - (:orders - i) * (interval '365 days' / :orders) AS at) x;

INSERT INTO order_line (id, order_id, position, product_id, product_name, unit_price, quantity, line_total, paid_amount,
                        refunded_quantity, refunded_amount)
SELECT 2 * i - 2 + pos, i, pos, 1000 + p, 'Bench product ' || p, price, 1, price, price, 0, 0
FROM generate_series(1, :orders) i CROSS JOIN generate_series(1, 2) pos,
     LATERAL (SELECT CASE WHEN pos = 1 THEN (i * 31) % :products + 1 ELSE (i * 17 + 5) % :products + 1 END AS p) x,
     LATERAL (SELECT (5 + p % 200) + 0.50 AS price) y;

INSERT INTO commission_snapshot (order_id, order_number, buyer_id, placed_at, level1_id, level2_id, level1_percent,
                                 level2_percent, return_window_days, currency, shipping_line1, shipping_postal, state)
SELECT o.id, o.number, o.customer_id, o.placed_at, rb.referrer_id, rb2.referrer_id, 10, 0, 7, 'CNY', o.ship_line1,
       o.ship_postal_code, 'COMPLETED'
FROM shop_order o
JOIN referral_binding rb ON rb.referee_id = o.customer_id
LEFT JOIN referral_binding rb2 ON rb2.referee_id = rb.referrer_id
WHERE o.id <= :orders;

INSERT INTO commission_snapshot_line (line_id, order_id, product_id, quantity, paid_amount)
SELECT l.id, l.order_id, l.product_id, l.quantity, l.paid_amount
FROM order_line l JOIN commission_snapshot s ON s.order_id = l.order_id;

-- Level-1 entries, one per line. Lines of odd orders are still FROZEN although their window is over (the
-- unfreeze job has not run): these are the "due" entries of the settlement measurement.
INSERT INTO commission_entry (id, distributor_id, buyer_id, order_id, order_number, line_id, product_id, level, kind,
                              units, rate_note, amount, currency, state, unfreezes_at, created_at)
SELECT l.line_id, s.level1_id, s.buyer_id, s.order_id, s.order_number, l.line_id, l.product_id, 1, 'COMMISSION', 1, '10%',
       greatest(round(l.paid_amount * 0.10, 2), 0.01), 'CNY',
       CASE WHEN s.order_id % 2 = 1 OR s.placed_at + interval '7 days' > now() THEN 'FROZEN' ELSE 'AVAILABLE' END,
       s.placed_at + interval '7 days', s.placed_at
FROM commission_snapshot_line l JOIN commission_snapshot s ON s.order_id = l.order_id;

INSERT INTO commission_entry_event (entry_id, state, occurred_at, note)
SELECT id, 'FROZEN', created_at, 'order placed' FROM commission_entry;
INSERT INTO commission_entry_event (entry_id, state, occurred_at, note)
SELECT id, 'AVAILABLE', unfreezes_at, 'return window over' FROM commission_entry WHERE state = 'AVAILABLE';

-- The cached rows the app keeps in its writing transactions, rebuilt from the rows just filled (the migrations'
-- backfills ran on empty tables). One aggregate per source table, joined by distributor (correlated subqueries per
-- distributor take many minutes at large scale); the columns' defaults (0) stand for distributors without rows.
-- The ledger's account row of each distributor.
DELETE FROM distributor_account;
INSERT INTO distributor_account (distributor_id)
SELECT customer_id FROM distributor UNION SELECT distributor_id FROM commission_entry;

UPDATE distributor_account a SET frozen = x.frozen, available = x.available, on_hold = x.on_hold,
                                 clawed_back = x.clawed_back, earned = x.frozen + x.available + x.on_hold
FROM (SELECT distributor_id,
             SUM(CASE WHEN state = 'FROZEN' THEN amount ELSE 0 END) AS frozen,
             SUM(CASE WHEN state = 'AVAILABLE' THEN amount ELSE 0 END) AS available,
             SUM(CASE WHEN state = 'ON_HOLD' THEN amount ELSE 0 END) AS on_hold,
             SUM(CASE WHEN kind = 'CLAWBACK' THEN amount ELSE 0 END) AS clawed_back
      FROM commission_entry GROUP BY distributor_id) x
WHERE x.distributor_id = a.distributor_id;

UPDATE distributor_account a SET withdrawing = x.withdrawing, withdrawn = x.withdrawn
FROM (SELECT distributor_id,
             SUM(CASE WHEN state = 'REQUESTED' THEN amount ELSE 0 END) AS withdrawing,
             SUM(CASE WHEN state = 'PAID' THEN amount ELSE 0 END) AS withdrawn
      FROM withdrawal GROUP BY distributor_id) x
WHERE x.distributor_id = a.distributor_id;

UPDATE distributor_account a SET credit_spent = x.spent
FROM (SELECT distributor_id, SUM(cash_amount) AS spent FROM store_credit_spend WHERE restored_at IS NULL
      GROUP BY distributor_id) x
WHERE x.distributor_id = a.distributor_id;

-- Reporting's record of bindings and orders, and its row per distributor.
DELETE FROM report_order_refund;
DELETE FROM report_order;
DELETE FROM report_customer;
DELETE FROM report_distributor;
INSERT INTO report_order (order_id, buyer_id, referrer_id, placed_at, goods, refunded, cancelled)
SELECT o.id, o.customer_id, b.referrer_id, o.placed_at, COALESCE(l.goods, 0), COALESCE(l.refunded, 0),
       o.status = 'CANCELLED'
FROM shop_order o LEFT JOIN referral_binding b ON b.referee_id = o.customer_id
LEFT JOIN (SELECT order_id, SUM(paid_amount) AS goods, SUM(refunded_amount) AS refunded FROM order_line
           GROUP BY order_id) l ON l.order_id = o.id;

INSERT INTO report_customer (customer_id, referrer_id, bound_at, through_link)
SELECT referee_id, referrer_id, bound_at, source = 'LINK' FROM referral_binding;
INSERT INTO report_customer (customer_id)
SELECT DISTINCT buyer_id FROM report_order o
WHERE NOT EXISTS (SELECT 1 FROM report_customer c WHERE c.customer_id = o.buyer_id);
UPDATE report_customer c SET counted_orders = x.n, first_order_at = x.first
FROM (SELECT buyer_id, COUNT(*) AS n, MIN(placed_at) AS first FROM report_order WHERE NOT cancelled
      GROUP BY buyer_id) x
WHERE x.buyer_id = c.customer_id;

INSERT INTO report_distributor (customer_id)
SELECT customer_id FROM distributor UNION SELECT referrer_id FROM referral_binding;
UPDATE report_distributor d SET referred = x.referred, through_link = x.through_link, ordering = x.ordering
FROM (SELECT referrer_id, COUNT(*) AS referred, COUNT(*) FILTER (WHERE through_link) AS through_link,
             COUNT(*) FILTER (WHERE counted_orders > 0) AS ordering
      FROM report_customer WHERE referrer_id IS NOT NULL GROUP BY referrer_id) x
WHERE x.referrer_id = d.customer_id;
UPDATE report_distributor d SET orders = x.orders, gmv = x.gmv
FROM (SELECT referrer_id, COUNT(*) AS orders, SUM(goods - refunded) AS gmv FROM report_order
      WHERE referrer_id IS NOT NULL AND NOT cancelled GROUP BY referrer_id) x
WHERE x.referrer_id = d.customer_id;

-- The honour roll: the star and every 200th distributor opted in, so the dashboard ranks a real board.
INSERT INTO honour_roll (customer_id, display_name, opted_in_at)
SELECT customer_id, 'Sharer ' || customer_id, now() - interval '30 days' FROM distributor
WHERE customer_id = 1001 OR customer_id % 200 = 0;

-- Reporting's chart commission per distributor and hour, and the credits it has counted, likewise.
DELETE FROM report_commission_hour;
DELETE FROM report_commission_credit;
INSERT INTO report_commission_hour (distributor_id, hour_no, credited)
SELECT distributor_id, CAST(FLOOR(EXTRACT(EPOCH FROM created_at) / 3600) AS BIGINT), SUM(amount)
FROM commission_entry WHERE kind = 'COMMISSION' AND state <> 'VOID'
GROUP BY distributor_id, CAST(FLOOR(EXTRACT(EPOCH FROM created_at) / 3600) AS BIGINT);
INSERT INTO report_commission_credit (order_id, distributor_id, level)
SELECT DISTINCT order_id, distributor_id, level FROM commission_entry WHERE kind = 'COMMISSION';

SELECT setval(pg_get_serial_sequence('category', 'id'), (SELECT max(id) FROM category));
SELECT setval(pg_get_serial_sequence('product', 'id'), (SELECT max(id) FROM product));
SELECT setval(pg_get_serial_sequence('customer', 'id'), (SELECT max(id) FROM customer));
SELECT setval(pg_get_serial_sequence('shop_order', 'id'), (SELECT max(id) FROM shop_order));
SELECT setval(pg_get_serial_sequence('order_line', 'id'), (SELECT max(id) FROM order_line));
SELECT setval(pg_get_serial_sequence('commission_entry', 'id'), (SELECT max(id) FROM commission_entry));
COMMIT;
