-- Indexes for the distributor's ledger and the owner's distributor roll (issue #6, see BENCHMARKS.md).
-- The ledger lists one distributor's entries newest first: without this, PostgreSQL fetches every entry of the
-- distributor through (distributor_id, state) and sorts them.
CREATE INDEX commission_entry_distributor_created_idx ON commission_entry (distributor_id, created_at, id);
-- Balances and the roll's commission totals sum amounts per distributor, state and kind: with the amount in the
-- index those sums are index-only scans instead of a heap visit per entry.
CREATE INDEX commission_entry_distributor_sums_idx ON commission_entry (distributor_id, state, kind, amount);
