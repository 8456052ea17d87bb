-- Broker faults as they are: a running operation whose broker cannot be reached records since
-- when and what the last attempt got (its next attempt is `next_poll_at`), and orphan
-- mitigation after a failed unbind forgets the binding once the broker confirms the delete.
ALTER TABLE service_instances
  ADD COLUMN broker_unreachable_since timestamptz,
  ADD COLUMN broker_last_error text;
ALTER TABLE service_bindings
  ADD COLUMN broker_unreachable_since timestamptz,
  ADD COLUMN broker_last_error text;
ALTER TABLE orphan_mitigations ADD COLUMN forget_binding boolean NOT NULL DEFAULT false;
