-- Share-link clicks per code (issue #6), so the dashboard reads at most 16 rows instead of counting every click.
-- A click adds 1 to one of 16 rows of its code, picked at random, in the same transaction as the click row: clicks
-- of one busy code rarely wait for each other (one row per code halved /r/{code} in the benchmark). The count is
-- the sum of the code's rows; ReferralLinkTests compares it with the clicks after concurrent clicks.
CREATE TABLE referral_click_count (
    code    VARCHAR(8) NOT NULL,
    shard   SMALLINT   NOT NULL,
    clicks  BIGINT     NOT NULL,
    PRIMARY KEY (code, shard)
);

INSERT INTO referral_click_count (code, shard, clicks)
SELECT code, 0, COUNT(*) FROM referral_click GROUP BY code;
