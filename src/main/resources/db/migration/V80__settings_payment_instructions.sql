-- The owner's payment instructions, one row per manual payment method (the order module's
-- PaymentMethod names): a free text and an optional payment QR image (PNG/JPEG, at most 1 MB).
-- qr_version grows with each new picture so its URL changes and browsers may cache it for good.
CREATE TABLE payment_instructions (
    method          VARCHAR(40)   NOT NULL PRIMARY KEY,
    sort_order      INT           NOT NULL,
    instructions    VARCHAR(2000),
    qr_image        BYTEA,
    qr_content_type VARCHAR(20),
    qr_version      INT           NOT NULL DEFAULT 0,
    CONSTRAINT payment_instructions_qr_complete CHECK ((qr_image IS NULL) = (qr_content_type IS NULL))
);

INSERT INTO payment_instructions (method, sort_order) VALUES ('BANK_TRANSFER', 1);
INSERT INTO payment_instructions (method, sort_order) VALUES ('CASH_ON_DELIVERY', 2);
