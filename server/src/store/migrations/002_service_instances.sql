-- Service instances of projects, with their last operation, and the orphan-mitigation queue.

-- One row per service instance the platform knows. The row exists from the moment the
-- provision request is about to be sent until the broker confirmed the delete.
CREATE TABLE service_instances (
  -- The OSB instance id: a GUID the platform made for this instance and never reuses.
  id text PRIMARY KEY,
  project_id text NOT NULL,
  workspace_id text NOT NULL,
  broker_id text NOT NULL,
  service_id text NOT NULL,
  plan_id text NOT NULL,
  -- The location of a local service; null for global services.
  location_id text,
  name text NOT NULL,
  -- The parameters as the user last set them (create plus later changes).
  parameters jsonb NOT NULL DEFAULT '{}'::jsonb,
  maintenance_info_version text,
  dashboard_url text,
  -- `metadata` of the broker's provision or update answer (labels, attributes).
  metadata jsonb,
  -- False once the broker said `instance_usable: false` after a failed update or delete.
  usable boolean NOT NULL DEFAULT true,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,

  -- The last operation on the instance.
  operation_type text NOT NULL CHECK (operation_type IN ('create', 'update', 'delete')),
  operation_state text NOT NULL CHECK (operation_state IN ('in progress', 'succeeded', 'failed')),
  -- The broker's (or the platform's) message about the operation, shown to users.
  operation_description text,
  -- After a failed update: whether the broker allows repeating it.
  operation_update_repeatable boolean,
  operation_requested_by text NOT NULL,
  operation_started_at timestamptz NOT NULL,
  -- The broker's `operation`, echoed exactly when polling.
  broker_operation text,
  -- The plan_id to poll with: the plan before a plan change.
  poll_plan_id text,
  -- What a running update applies once it succeeds: {planId, parameters, maintenanceInfoVersion}.
  update_target jsonb,
  -- When the operation counts as failed: the smaller of the platform's and the plan's maximum.
  operation_deadline timestamptz,
  next_poll_at timestamptz,
  polls integer NOT NULL DEFAULT 0,

  UNIQUE (project_id, name)
);

CREATE INDEX service_instances_in_progress ON service_instances (operation_state) WHERE operation_state = 'in progress';

-- Resources that may be left at a broker after a failure: the platform sends DELETE (without
-- originating identity) until the broker answers 200 or 410. Kept apart from the instances so
-- that the retries go on when the instance itself is gone from the platform.
CREATE TABLE orphan_mitigations (
  -- `<instance id>` for an instance, `<instance id>/<binding id>` for a binding.
  resource_key text PRIMARY KEY,
  broker_id text NOT NULL,
  instance_id text NOT NULL,
  binding_id text,
  service_id text NOT NULL,
  plan_id text NOT NULL,
  -- Why the platform mitigates, for operators.
  reason text NOT NULL,
  -- After a failed delete: forget the instance once the broker confirms the delete.
  forget_instance boolean NOT NULL DEFAULT false,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_result text,
  created_at timestamptz NOT NULL
);
