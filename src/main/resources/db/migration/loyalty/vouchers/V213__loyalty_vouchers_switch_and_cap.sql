-- A template the owner switched off is no longer issued; vouchers already given keep working until their end.
ALTER TABLE loyalty_voucher_template ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;

-- The most a percent voucher takes off (NULL: no cap). Only percent vouchers have one.
ALTER TABLE loyalty_voucher_template ADD COLUMN max_discount NUMERIC(19, 2);
ALTER TABLE loyalty_voucher_template ADD CONSTRAINT loyalty_voucher_template_max_discount
    CHECK (max_discount IS NULL OR (kind = 'PERCENT' AND max_discount > 0));
