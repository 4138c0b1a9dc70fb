-- 'TYPED_AT_REGISTRATION' (21 characters), allowed by V31's check constraint, did not fit VARCHAR(20).
ALTER TABLE referral_binding ALTER COLUMN source SET DATA TYPE VARCHAR(30);
