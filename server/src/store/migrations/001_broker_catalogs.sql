-- The last catalog each broker served that passed validation, so the marketplace can still
-- list a broker's services after a restart while the broker is down.
-- Later migrations add service_instances, operations and service_bindings, which refer to
-- brokers by the same configured broker_id.
CREATE TABLE broker_catalogs (
  broker_id text PRIMARY KEY,
  catalog jsonb NOT NULL,
  fetched_at timestamptz NOT NULL
);
