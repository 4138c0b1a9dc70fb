-- The owner's roll reads reporting's row per distributor alone: the contact data, code and status it shows and
-- searches are kept here from customer's and referral's events, as the figures already are. Rows of referrers
-- who are not distributors keep no code and stay off the roll.
ALTER TABLE report_distributor ADD COLUMN name VARCHAR(200);
ALTER TABLE report_distributor ADD COLUMN email VARCHAR(320);
ALTER TABLE report_distributor ADD COLUMN phone VARCHAR(64);
ALTER TABLE report_distributor ADD COLUMN wechat_id VARCHAR(64);
ALTER TABLE report_distributor ADD COLUMN code VARCHAR(64);
ALTER TABLE report_distributor ADD COLUMN status VARCHAR(16);

INSERT INTO report_distributor (customer_id)
SELECT d.customer_id FROM distributor d
WHERE NOT EXISTS (SELECT 1 FROM report_distributor r WHERE r.customer_id = d.customer_id);

UPDATE report_distributor SET
    name = (SELECT c.name FROM customer c WHERE c.id = report_distributor.customer_id),
    email = (SELECT c.email FROM customer c WHERE c.id = report_distributor.customer_id),
    phone = (SELECT c.phone FROM customer c WHERE c.id = report_distributor.customer_id),
    wechat_id = (SELECT c.wechat_id FROM customer c WHERE c.id = report_distributor.customer_id),
    code = (SELECT d.code FROM distributor d WHERE d.customer_id = report_distributor.customer_id),
    status = (SELECT d.status FROM distributor d WHERE d.customer_id = report_distributor.customer_id);
