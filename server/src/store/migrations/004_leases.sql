-- Work shared by several platform replicas on one database.
--
-- A replica works on an operation (sends its requests, polls it, retries orphan mitigation)
-- only while it holds the row's lease: `lease_owner` names the replica, `lease_expires_at` says
-- until when. The owner renews its leases while it runs and hands them back when it stops; a
-- lease that expired (its replica died) is claimed by another replica's periodic sweep.
-- `version` grows with every write, so a write based on a stale copy of a row is refused.

ALTER TABLE service_instances
  ADD COLUMN version integer NOT NULL DEFAULT 0,
  ADD COLUMN lease_owner text,
  ADD COLUMN lease_expires_at timestamptz;

ALTER TABLE service_bindings
  ADD COLUMN version integer NOT NULL DEFAULT 0,
  ADD COLUMN lease_owner text,
  ADD COLUMN lease_expires_at timestamptz;

ALTER TABLE orphan_mitigations
  ADD COLUMN lease_owner text,
  ADD COLUMN lease_expires_at timestamptz;

CREATE INDEX service_instances_lease_owner ON service_instances (lease_owner) WHERE lease_owner IS NOT NULL;
CREATE INDEX service_bindings_lease_owner ON service_bindings (lease_owner) WHERE lease_owner IS NOT NULL;
CREATE INDEX orphan_mitigations_due ON orphan_mitigations (next_attempt_at);

-- Jobs that run once per interval across all replicas (the expiry check, the catalog refresh):
-- a replica runs a job only after moving `next_run_at` forward in the same statement.
CREATE TABLE scheduled_jobs (
  name text PRIMARY KEY,
  next_run_at timestamptz NOT NULL,
  last_run_by text
);
