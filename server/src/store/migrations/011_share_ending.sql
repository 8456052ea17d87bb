-- When ending a share began: from then on the target project cannot create bindings on the
-- instance, so that no binding is left behind once the share is gone. Null while the share runs.
ALTER TABLE service_instance_shares ADD COLUMN ending_since timestamptz;
