-- A binding created by rotating another one (OSB `predecessor_binding_id`) names it. The
-- predecessor may be deleted later, so this is no foreign key.
ALTER TABLE service_bindings ADD COLUMN predecessor_binding_id text;
