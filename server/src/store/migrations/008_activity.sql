-- The activity of projects: who changed which instance, binding or share, when, and how it went.
-- Entries carry a kind code and safe details (ids and names, never parameters or credentials).
CREATE TABLE activity_entries (
  id BIGSERIAL PRIMARY KEY,
  project_id TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  instance_name TEXT NOT NULL,
  binding_id TEXT,
  binding_name TEXT,
  kind TEXT NOT NULL,
  outcome TEXT NOT NULL,
  -- NULL: the platform itself (expiry).
  actor_id TEXT,
  actor_name TEXT,
  occurred_at TIMESTAMPTZ NOT NULL,
  details JSONB NOT NULL DEFAULT '{}'::jsonb
);
-- A project's activity and an instance's, newest first, a page at a time.
CREATE INDEX activity_entries_by_project ON activity_entries (project_id, occurred_at DESC, id DESC);
CREATE INDEX activity_entries_by_instance ON activity_entries (instance_id, occurred_at DESC, id DESC);
