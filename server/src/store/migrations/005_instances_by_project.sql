-- A project's instances are listed a page at a time, oldest first.
CREATE INDEX service_instances_by_project ON service_instances (project_id, created_at, id);
