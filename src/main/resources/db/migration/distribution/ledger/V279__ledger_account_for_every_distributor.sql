-- Every distributor has an account from enrolment on, so the owner's roll can rank all of them by what they earned
-- from the accounts alone. Distributors enrolled before accounts were opened at enrolment get theirs here.
INSERT INTO distributor_account (distributor_id)
SELECT d.customer_id FROM distributor d
WHERE NOT EXISTS (SELECT 1 FROM distributor_account a WHERE a.distributor_id = d.customer_id);
