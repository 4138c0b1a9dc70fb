-- When each bound customer first ordered (issue #6): the placing time of their earliest order that is not cancelled
-- (from commission_snapshot), NULL before any. The honour roll counts a member's invitees who first ordered this
-- month from an index range, instead of grouping every order of the shop per dashboard view. Kept by
-- DistributorTotals.syncOrder, which every order event of a bound customer passes through; DistributorTotalsTests
-- compares it with the orders.
ALTER TABLE referral_binding ADD COLUMN first_order_at TIMESTAMP WITH TIME ZONE;

UPDATE referral_binding SET first_order_at = (SELECT MIN(s.placed_at) FROM commission_snapshot s
                                              WHERE s.buyer_id = referral_binding.referee_id AND s.state <> 'CANCELLED');

CREATE INDEX referral_binding_referrer_first_order_idx ON referral_binding (referrer_id, first_order_at);
