-- The owner's overview (issue #6) reads revenue by payment time and new customers by sign-up time: index ranges
-- instead of reading every order and every customer (400 ms and 160 ms at the benchmark's large scale).
CREATE INDEX shop_order_paid_idx ON shop_order (paid_at);
CREATE INDEX customer_created_idx ON customer (created_at);
