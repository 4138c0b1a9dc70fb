-- An unfinished delivery is resubmitted to the listener id it was recorded under: the listener's class and method.
-- These listeners moved out of distribution.ledger into modules of their own, method names unchanged, so deliveries
-- still open when the shop is upgraded follow them instead of waiting for a listener that no longer exists.
UPDATE event_publication
SET listener_id = REPLACE(listener_id, 'com.micromall.distribution.ledger.CommissionLedger.',
                          'com.micromall.distribution.crediting.CommissionCrediting.')
WHERE completion_date IS NULL AND listener_id LIKE 'com.micromall.distribution.ledger.CommissionLedger.%';
UPDATE event_publication
SET listener_id = REPLACE(listener_id, 'com.micromall.distribution.ledger.AbuseGuard.',
                          'com.micromall.distribution.abuse.AbuseGuard.')
WHERE completion_date IS NULL AND listener_id LIKE 'com.micromall.distribution.ledger.AbuseGuard.%';
UPDATE event_publication
SET listener_id = REPLACE(listener_id, 'com.micromall.distribution.ledger.StoreCreditDiscounts.',
                          'com.micromall.distribution.payout.StoreCreditDiscounts.')
WHERE completion_date IS NULL AND listener_id LIKE 'com.micromall.distribution.ledger.StoreCreditDiscounts.%';
UPDATE event_publication
SET listener_id = REPLACE(listener_id, 'com.micromall.distribution.ledger.CommissionSnapshots.',
                          'com.micromall.distribution.policy.CommissionSnapshots.')
WHERE completion_date IS NULL AND listener_id LIKE 'com.micromall.distribution.ledger.CommissionSnapshots.%';
