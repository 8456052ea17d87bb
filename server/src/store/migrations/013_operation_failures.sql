-- Why a failed operation failed, as a code with parameters the UI translates:
-- {"reason": ..., "status"?: ..., "brokerMessage"?: ...}. Until now only the English text was
-- stored (in operation_description); failures the platform described itself are recognised by
-- that text, so their code is known; the others carried the broker's own words.
ALTER TABLE service_instances ADD COLUMN operation_failure jsonb;
ALTER TABLE service_bindings ADD COLUMN operation_failure jsonb;

CREATE TEMPORARY TABLE platform_failure_messages (reason text PRIMARY KEY, message text NOT NULL);
INSERT INTO platform_failure_messages (reason, message) VALUES
  ('bad-request', 'The service broker rejected the request as invalid.'),
  ('unauthorized', 'The service broker did not accept the platform’s credentials.'),
  ('request-timeout', 'The request to the service broker timed out before the broker received it.'),
  ('conflict', 'The service broker already has a resource with this id but different attributes.'),
  ('async-required', 'The service broker requires asynchronous operations for this plan.'),
  ('maintenance-info-conflict', 'The maintenance information of the plan has changed at the service broker. The catalog is refreshed; please try again.'),
  ('concurrency-error', 'Another operation on this service instance is in progress at the service broker. Please try again later.'),
  ('requires-app', 'The service broker requires an application to bind to.'),
  ('unprocessable', 'The service broker cannot carry out this request.'),
  ('rejected', 'The service broker rejected the request.'),
  ('broker-error', 'The service broker failed to carry out the request.'),
  ('unexpected-status', 'The service broker answered with an unexpected status.'),
  ('malformed-response', 'The service broker sent an invalid answer.'),
  ('timeout', 'The service broker did not answer in time.'),
  ('unreachable', 'The service broker could not be reached.'),
  ('operation-failed', 'The service broker reported that the operation failed.'),
  ('polling-deadline', 'The operation did not finish in the time allowed.');

UPDATE service_instances AS t
SET operation_failure = CASE
    WHEN t.operation_description = m.message THEN jsonb_build_object('reason', m.reason)
    ELSE jsonb_build_object(
      'reason', m.reason,
      'status', substring(t.operation_description FROM '\(HTTP ([0-9]{3})\)\.$')::integer)
  END
FROM platform_failure_messages AS m
WHERE t.operation_state = 'failed'
  AND (t.operation_description = m.message
    OR t.operation_description ~ ('^' || regexp_replace(rtrim(m.message, '.'), '([.()\[\]*+?^$|\\])', '\\\1', 'g') || ' \(HTTP [0-9]{3}\)\.$'));

UPDATE service_bindings AS t
SET operation_failure = CASE
    WHEN t.operation_description = m.message THEN jsonb_build_object('reason', m.reason)
    ELSE jsonb_build_object(
      'reason', m.reason,
      'status', substring(t.operation_description FROM '\(HTTP ([0-9]{3})\)\.$')::integer)
  END
FROM platform_failure_messages AS m
WHERE t.operation_state = 'failed'
  AND (t.operation_description = m.message
    OR t.operation_description ~ ('^' || regexp_replace(rtrim(m.message, '.'), '([.()\[\]*+?^$|\\])', '\\\1', 'g') || ' \(HTTP [0-9]{3}\)\.$'));

-- Any other failure carried the broker's own words; its reason was not kept.
UPDATE service_instances
SET operation_failure = jsonb_build_object('reason', 'broker-error', 'brokerMessage', operation_description)
WHERE operation_state = 'failed' AND operation_failure IS NULL AND operation_description IS NOT NULL;
UPDATE service_bindings
SET operation_failure = jsonb_build_object('reason', 'broker-error', 'brokerMessage', operation_description)
WHERE operation_state = 'failed' AND operation_failure IS NULL AND operation_description IS NOT NULL;

DROP TABLE platform_failure_messages;
