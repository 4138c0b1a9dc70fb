-- When a referred customer first ordered is reporting's to know (report_customer.first_order_at).
DROP INDEX IF EXISTS referral_binding_referrer_first_order_idx;
ALTER TABLE referral_binding DROP COLUMN first_order_at;
