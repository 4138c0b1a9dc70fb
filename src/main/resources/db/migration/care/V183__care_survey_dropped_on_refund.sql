-- A survey not yet asked is dropped when its order is refunded in full: nobody asks how the goods pleased them.
ALTER TABLE satisfaction_survey ADD COLUMN dropped_at TIMESTAMP WITH TIME ZONE;
