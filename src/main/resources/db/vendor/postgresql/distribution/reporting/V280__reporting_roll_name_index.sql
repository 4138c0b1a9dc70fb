-- The owner's roll opens sorted by name, whatever the case: PostgreSQL walks this index for the first page instead of
-- sorting every distributor. H2 has no index on an expression; the demo's few distributors sort fast without one.
CREATE INDEX report_distributor_name_idx ON report_distributor (LOWER(name), customer_id);
