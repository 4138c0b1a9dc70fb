-- The shop's staff sign in like everyone else; their role opens the customer files and the care pages.
-- A staff invitation is a single-use link like a password reset, kept in the same token table.
ALTER TABLE customer DROP CONSTRAINT customer_role_known;
ALTER TABLE customer ADD CONSTRAINT customer_role_known CHECK (role IN ('CUSTOMER', 'OWNER', 'STAFF'));
ALTER TABLE customer_token DROP CONSTRAINT customer_token_purpose_known;
ALTER TABLE customer_token ADD CONSTRAINT customer_token_purpose_known
    CHECK (purpose IN ('PASSWORD_RESET', 'EMAIL_VERIFICATION', 'STAFF_INVITATION'));
