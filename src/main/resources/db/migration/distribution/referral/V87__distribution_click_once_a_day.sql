-- A visitor counts once per code and day (UTC): reloading a share link must not inflate the sharer's clicks.
-- Older rows keep a NULL day and take no part in the key.
ALTER TABLE referral_click ADD COLUMN visit_day DATE;
ALTER TABLE referral_click ADD CONSTRAINT referral_click_once_a_day UNIQUE (code, visitor_hash, visit_day);
