-- What each discount source (welcome gift, friend's share, store credit…) took off each order line,
-- recorded when the order is placed. A line's parts add up to line_total - paid_amount; the parts of one
-- source over an order's lines add up to what that source took off the order.
CREATE TABLE order_line_discount (
    order_line_id BIGINT         NOT NULL REFERENCES order_line (id),
    source        VARCHAR(40)    NOT NULL,
    amount        NUMERIC(19, 2) NOT NULL,
    CONSTRAINT order_line_discount_pk PRIMARY KEY (order_line_id, source),
    CONSTRAINT order_line_discount_amount_positive CHECK (amount > 0)
);
