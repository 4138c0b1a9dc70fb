-- The one-time token of the distributor's withdrawal form: the same form sent twice asks once.
ALTER TABLE withdrawal ADD COLUMN request_token VARCHAR(64);
ALTER TABLE withdrawal ADD CONSTRAINT withdrawal_request_token_unique UNIQUE (distributor_id, request_token);
