-- The one-time token of the owner's refund form, kept on the refund's timeline entry: the same form
-- sent twice (a double click, a browser resend) refunds once.
ALTER TABLE order_status_change ADD COLUMN request_token VARCHAR(64);
ALTER TABLE order_status_change ADD CONSTRAINT order_status_change_request_token_unique UNIQUE (request_token);
