-- The reward form in force when each entry was credited; a reversal or clawback carries its commission's. Entries
-- written before forms were recorded are CASH: cash and store credit were then one balance (store credit only a
-- way of spending it), so that is where their money is, and none of them was ever paid as points.
ALTER TABLE commission_entry ADD COLUMN reward_form VARCHAR(20) DEFAULT 'CASH' NOT NULL;
ALTER TABLE commission_entry ADD CONSTRAINT commission_entry_reward_form_known
    CHECK (reward_form IN ('CASH', 'STORE_CREDIT', 'POINTS'));
