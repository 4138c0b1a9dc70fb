-- Products of the shop's catalogue the owner offers for points (a gift): its price in points and whether it is on
-- offer now. The product's own stock is the limit; a gift is ordered like a sale, so nothing else is kept here.
CREATE TABLE loyalty_points_gift (
    product_id BIGINT  NOT NULL PRIMARY KEY,
    points     BIGINT  NOT NULL,
    offered    BOOLEAN NOT NULL DEFAULT TRUE,
    CONSTRAINT loyalty_points_gift_points CHECK (points >= 1)
);
