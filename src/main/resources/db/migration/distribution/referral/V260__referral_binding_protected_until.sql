-- When a binding's protection against a newer link ends, fixed when it is made or taken over from the days in force
-- then, so the owner changing the days later never moves a period already running. Bindings made before this column
-- have none and are read with the days in force.
ALTER TABLE referral_binding ADD COLUMN protected_until TIMESTAMP WITH TIME ZONE;
