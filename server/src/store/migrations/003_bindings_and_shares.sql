-- Service bindings with their last operation, instance shares between projects of a
-- workspace, and the record of what the platform did to bindings on its own (expiry).

-- One row per service binding. The row exists from the moment the bind request is about to be
-- sent until the broker confirmed the unbind; a binding the platform unbound because it expired
-- stays as a record (expired_at set, credentials gone).
CREATE TABLE service_bindings (
  -- The OSB binding id: a GUID the platform made for this binding and never reuses.
  id text PRIMARY KEY,
  instance_id text NOT NULL REFERENCES service_instances (id) ON DELETE CASCADE,
  -- The project that created the binding and alone manages it: the instance's own project or
  -- a project the instance is shared with.
  project_id text NOT NULL,
  name text NOT NULL,
  parameters jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- A tenant binding's tenant (sent as bind_resource {tenant_id, platform}); null otherwise.
  tenant_id text,
  tenant_location_id text,
  tenant_platform text,
  -- 'stored': the credentials are kept, encrypted; 'once' (sensitive services): they went to
  -- the creating user in the create answer and were never written anywhere.
  credentials_handling text NOT NULL CHECK (credentials_handling IN ('stored', 'once')),
  -- AES-256-GCM ciphertext of the credentials (never plain text); null until the broker sent
  -- them, for sensitive services, and after expiry.
  credentials text,
  -- When the binding expires: the broker's metadata.expires_at, else created_at + the plan's expiryDays.
  expires_at timestamptz,
  -- When the platform unbound the binding because it had expired.
  expired_at timestamptz,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,

  -- The last operation: create, delete (by a user) or expire (by the platform).
  operation_type text NOT NULL CHECK (operation_type IN ('create', 'delete', 'expire')),
  operation_state text NOT NULL CHECK (operation_state IN ('in progress', 'succeeded', 'failed')),
  operation_description text,
  operation_requested_by text NOT NULL,
  operation_started_at timestamptz NOT NULL,
  -- The broker's `operation`, echoed exactly when polling.
  broker_operation text,
  operation_deadline timestamptz,
  next_poll_at timestamptz,
  polls integer NOT NULL DEFAULT 0
);

CREATE INDEX service_bindings_instance ON service_bindings (instance_id);
CREATE INDEX service_bindings_in_progress ON service_bindings (operation_state) WHERE operation_state = 'in progress';
CREATE INDEX service_bindings_expiry ON service_bindings (expires_at) WHERE expires_at IS NOT NULL AND expired_at IS NULL;
-- A tenant is bound to an instance at most once (expired bindings no longer count).
CREATE UNIQUE INDEX service_bindings_tenant ON service_bindings (instance_id, tenant_id)
  WHERE tenant_id IS NOT NULL AND expired_at IS NULL;

-- An instance of a shareable service shared by its project with another project of the same
-- workspace. Gone with the instance.
CREATE TABLE service_instance_shares (
  instance_id text NOT NULL REFERENCES service_instances (id) ON DELETE CASCADE,
  target_project_id text NOT NULL,
  shared_by text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (instance_id, target_project_id)
);

CREATE INDEX service_instance_shares_target ON service_instance_shares (target_project_id);

-- What the platform did to bindings on its own, for users and operators. Kept when the
-- binding or its instance is gone.
CREATE TABLE binding_events (
  id bigserial PRIMARY KEY,
  binding_id text NOT NULL,
  instance_id text NOT NULL,
  project_id text NOT NULL,
  -- 'expired': unbound at the broker after expiry; 'expiry-failed': the broker did not unbind (retried).
  kind text NOT NULL CHECK (kind IN ('expired', 'expiry-failed')),
  detail text,
  occurred_at timestamptz NOT NULL
);

CREATE INDEX binding_events_binding ON binding_events (binding_id);
