-- A held entry lists every reason the abuse guard found (comma-separated), not just the first.
ALTER TABLE commission_entry ALTER COLUMN hold_reason SET DATA TYPE VARCHAR(200);

-- The networks (keyed hash of the IP alone) a customer was seen on, one row per day: at registration and at
-- each login, for the abuse guard's "same network" signal.
CREATE TABLE customer_network (
    customer_id   BIGINT      NOT NULL REFERENCES customer (id),
    network_hash  VARCHAR(64) NOT NULL,
    seen_on       DATE        NOT NULL,
    PRIMARY KEY (customer_id, network_hash, seen_on)
);
CREATE INDEX customer_network_hash_idx ON customer_network (network_hash);
