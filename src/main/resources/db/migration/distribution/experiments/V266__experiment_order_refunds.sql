-- What was refunded on an arm's order after placing (paid amounts), so its figures keep only the share that stayed
-- sold; one row per refund heard, so a replayed event counts once.
ALTER TABLE experiment_order ADD COLUMN refunded NUMERIC(19,2) NOT NULL DEFAULT 0;

CREATE TABLE experiment_order_refund (
    order_id   BIGINT       NOT NULL,
    refund_key VARCHAR(160) NOT NULL,
    PRIMARY KEY (order_id, refund_key)
);
