-- Spring Modulith 2 event publication registry (schema v2), H2 flavour of the DDL shipped in
-- spring-modulith-events-jdbc (schemas/v2/schema-h2.sql) with room for larger events.
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  completion_date        TIMESTAMP(9) WITH TIME ZONE,
  event_type             VARCHAR(512) NOT NULL,
  listener_id            VARCHAR(512) NOT NULL,
  publication_date       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
  serialized_event       VARCHAR(1000000) NOT NULL,
  status                 VARCHAR(20),
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP(9) WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_by_listener_id_idx ON event_publication (listener_id);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);
