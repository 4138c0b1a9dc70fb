-- The month and day a customer gave for a birthday voucher; no year, since none is needed.
CREATE TABLE loyalty_birthday (
    customer_id BIGINT                   NOT NULL PRIMARY KEY,
    birth_month INT                      NOT NULL,
    birth_day   INT                      NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT loyalty_birthday_month CHECK (birth_month BETWEEN 1 AND 12),
    CONSTRAINT loyalty_birthday_day CHECK (birth_day BETWEEN 1 AND 31)
);
CREATE INDEX loyalty_birthday_on ON loyalty_birthday (birth_month, birth_day);

-- A template the shop gives on birthdays: to every customer (level_id NULL) or to the members of one level.
CREATE TABLE loyalty_voucher_birthday (
    template_id BIGINT NOT NULL PRIMARY KEY REFERENCES loyalty_voucher_template (id),
    level_id    BIGINT
);
