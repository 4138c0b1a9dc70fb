-- The one cached balance row of each distributor (DESIGN.md allows exactly one): what their ledger entries sum to
-- by state, and the money taken out of the available balance (withdrawals, store credit). Written only by
-- DistributorAccounts, in the transaction that writes the entries or the withdrawal it follows.
-- frozen/available/on_hold: entries by state (available before money taken out); earned = frozen + available + on_hold;
-- clawed_back: sum of CLAWBACK entries (zero or negative); withdrawing: withdrawals requested, not paid yet;
-- withdrawn: paid withdrawals; credit_spent: store credit spent and not given back (in cash).
CREATE TABLE distributor_account (
    distributor_id  BIGINT         NOT NULL PRIMARY KEY REFERENCES customer (id),
    frozen          NUMERIC(19, 2) NOT NULL DEFAULT 0,
    available       NUMERIC(19, 2) NOT NULL DEFAULT 0,
    on_hold         NUMERIC(19, 2) NOT NULL DEFAULT 0,
    earned          NUMERIC(19, 2) NOT NULL DEFAULT 0,
    clawed_back     NUMERIC(19, 2) NOT NULL DEFAULT 0,
    withdrawing     NUMERIC(19, 2) NOT NULL DEFAULT 0,
    withdrawn       NUMERIC(19, 2) NOT NULL DEFAULT 0,
    credit_spent    NUMERIC(19, 2) NOT NULL DEFAULT 0
);
-- The owner's roll sorts distributors by what they earned.
CREATE INDEX distributor_account_earned_idx ON distributor_account (earned DESC, distributor_id);

INSERT INTO distributor_account (distributor_id, frozen, available, on_hold, earned, clawed_back, withdrawing, withdrawn,
    credit_spent)
SELECT customer_id, frozen, available, on_hold, earned, clawed_back, withdrawing, withdrawn, credit_spent
FROM distributor_totals;
