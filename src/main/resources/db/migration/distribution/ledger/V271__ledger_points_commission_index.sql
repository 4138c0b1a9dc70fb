-- What a distributor's commission taken as points comes to (their dashboard and rewards page) reads only their
-- POINTS entries through this index, instead of every entry they have: a busy sharer has hundreds of thousands.
CREATE INDEX IF NOT EXISTS commission_entry_distributor_form ON commission_entry (distributor_id, reward_form);
