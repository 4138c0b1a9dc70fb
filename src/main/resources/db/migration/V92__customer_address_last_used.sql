-- When the customer last shipped to an address, so checkout can offer that one first.
ALTER TABLE customer_address ADD COLUMN last_used_at TIMESTAMP WITH TIME ZONE;
