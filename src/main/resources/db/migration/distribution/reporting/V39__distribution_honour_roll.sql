-- The honour roll: distributors who chose to appear on the monthly board of top sharers, under a name they chose.
-- Opt-in only: nobody's real name is ever shown there, and the board shows ranks, never amounts.
CREATE TABLE honour_roll (
    customer_id   BIGINT                   NOT NULL PRIMARY KEY REFERENCES distributor (customer_id),
    display_name  VARCHAR(30)              NOT NULL,
    opted_in_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
