-- The experiment arm whose rate the level-1 sharer earned at when the order was placed (null: none).
ALTER TABLE commission_snapshot ADD COLUMN experiment_arm_id BIGINT;
