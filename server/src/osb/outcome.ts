/**
 * Classification of a broker's answer to a provision, update, deprovision, bind or unbind
 * request (OSB v2.17), including whether orphan mitigation is due.
 *
 * The rules follow the spec's response tables and its orphan-mitigation table:
 * - provision and bind: 201 or 202 with a malformed body, any other 2xx, 5xx and a timeout
 *   need orphan mitigation; 200 (even malformed), 408 and every other 4xx do not;
 * - deprovision and unbind: 410 is success (the resource is gone); any other 2xx and 5xx
 *   need orphan mitigation (a repeated DELETE) and the platform keeps the resource;
 * - update: never orphan mitigation.
 * Status codes outside 2xx, 4xx and 5xx are treated like 5xx: the platform cannot be sure
 * that nothing was created.
 */
import { BROKER_FAILURE_MESSAGES, type BrokerFailureReason, type OperationFailure } from '@osb/api';
import { isJsonObject } from '@osb/json-schema';
import { brokerText, parseBrokerError, type BrokerReply } from './broker-reply.ts';

/** The OSB requests whose answers are classified here. */
export type OperationKind = 'provision' | 'update' | 'deprovision' | 'bind' | 'unbind';

/**
 * Why a request failed, for the platform's decisions; the user reads `description`. The reasons
 * are part of the API contract, since error bodies carry them for the UI to translate.
 */
export type FailureReason = BrokerFailureReason;

/** A failed request or operation. */
export interface BrokerFailure {
  reason: FailureReason;
  /** HTTP status of the broker's answer, when there was one. */
  status?: number;
  /** The broker's error code, for example `ConcurrencyError`. */
  error?: string;
  /** A message for the user: the broker's description, or the platform's own. */
  description: string;
  /** The broker's own description, when it sent one (shown to users as the broker's words). */
  brokerDescription?: string;
  /** Whether the instance is still usable (update and deprovision only; default true). */
  instanceUsable: boolean;
  /** Whether the same update may be repeated (update only; default true). */
  updateRepeatable: boolean;
}

/** Instance metadata from a provision or update answer. */
export interface InstanceMetadata {
  labels?: Record<string, unknown>;
  attributes?: Record<string, unknown>;
}

/** What a bind answer carries besides the binding itself. */
export interface BindingResult {
  credentials?: Record<string, unknown>;
  endpoints?: Record<string, unknown>[];
  syslogDrainUrl?: string;
  routeServiceUrl?: string;
  volumeMounts?: unknown[];
  expiresAt?: string;
  renewBefore?: string;
}

/** Fields of a successful answer that the platform stores. */
export interface SuccessDetails {
  /** `undefined`: not sent (keep the old one on update); `null`: explicitly none. Only http(s) URLs pass. */
  dashboardUrl?: string | null;
  metadata?: InstanceMetadata;
  binding?: BindingResult;
}

/** The platform's reading of one answer. */
export type OperationOutcome =
  | ({ type: 'succeeded'; orphanMitigation: false } & SuccessDetails)
  /** Provision or bind answered 200: the resource already exists with identical attributes. */
  | ({ type: 'already-exists'; orphanMitigation: false } & SuccessDetails)
  /** 202: the broker works asynchronously; poll `last_operation` with `operation`. */
  | ({ type: 'accepted'; orphanMitigation: false; operation?: string } & SuccessDetails)
  /** Deprovision or unbind answered 410: the resource does not exist, which counts as success. */
  | { type: 'gone'; orphanMitigation: false }
  | { type: 'failed'; orphanMitigation: boolean; failure: BrokerFailure };

/** Context needed to judge an answer. */
export interface ClassifyOptions {
  /** The service's `requires` list; bind answers with drain, route or volume fields need it. */
  requires?: readonly string[];
}

/** Longest `operation` a broker may return (OSB v2.17). */
const MAX_OPERATION_LENGTH = 10_000;

/** Whether a failure of this kind of request can leave a resource behind at the broker. */
function mayOrphan(kind: OperationKind): boolean {
  return kind !== 'update';
}

/** Whether this kind of request creates a resource (and a timeout may have created one). */
function creates(kind: OperationKind): boolean {
  return kind === 'provision' || kind === 'bind';
}

/** Whether this kind of request deletes a resource (410 is then success). */
export function deletes(kind: OperationKind): boolean {
  return kind === 'deprovision' || kind === 'unbind';
}

/**
 * Builds a failure; `description` and the usability flags come from the broker's error body
 * when it sent one (the flags only for update and deprovision, as the spec allows).
 */
export function brokerFailure(
  kind: OperationKind,
  reason: FailureReason,
  body: unknown,
  status?: number,
): BrokerFailure {
  const parsed = parseBrokerError(body);
  const flagsApply = kind === 'update' || kind === 'deprovision';
  const statusNote = status !== undefined && !parsed.description ? ` (HTTP ${status})` : '';
  return {
    reason,
    ...(status !== undefined ? { status } : {}),
    ...(parsed.error !== undefined ? { error: parsed.error } : {}),
    description: parsed.description ?? BROKER_FAILURE_MESSAGES[reason].replace(/\.$/, `${statusNote}.`),
    ...(parsed.description !== undefined ? { brokerDescription: parsed.description } : {}),
    instanceUsable: flagsApply ? (parsed.instanceUsable ?? true) : true,
    updateRepeatable: kind === 'update' ? (parsed.updateRepeatable ?? true) : true,
  };
}

/** A failure as the API reports it on an operation: its code, status and the broker's own words. */
export function operationFailure(failure: BrokerFailure): OperationFailure {
  return {
    reason: failure.reason,
    ...(failure.status !== undefined ? { status: failure.status } : {}),
    ...(failure.brokerDescription !== undefined ? { brokerMessage: failure.brokerDescription } : {}),
  };
}

/** The platform's own message for a failure reason, for failures without a broker answer. */
export function platformFailure(reason: FailureReason, description = BROKER_FAILURE_MESSAGES[reason]): BrokerFailure {
  return { reason, description, instanceUsable: true, updateRepeatable: true };
}

function failed(
  kind: OperationKind,
  reason: FailureReason,
  orphanMitigation: boolean,
  body?: unknown,
  status?: number,
): OperationOutcome {
  return { type: 'failed', orphanMitigation, failure: brokerFailure(kind, reason, body, status) };
}

/** A request that got no answer in time: provision and bind need orphan mitigation, the others may be repeated. */
export function timedOut(kind: OperationKind): Extract<OperationOutcome, { type: 'failed' }> {
  return { type: 'failed', orphanMitigation: creates(kind), failure: brokerFailure(kind, 'timeout', undefined) };
}

/** Classifies the answer to a provision, update, deprovision, bind or unbind request. */
export function classifyReply(
  kind: OperationKind,
  reply: BrokerReply,
  options: ClassifyOptions = {},
): OperationOutcome {
  if (reply.kind === 'timeout') return timedOut(kind);
  if (reply.kind === 'unreachable') return failed(kind, 'unreachable', false);
  const { status, body } = reply;

  if (status === 200 || (status === 201 && creates(kind))) {
    const details = readSuccessBody(kind, body, options);
    if (details === undefined) return failed(kind, 'malformed-response', status === 201, undefined, status);
    const type = status === 200 && creates(kind) ? 'already-exists' : 'succeeded';
    return { type, orphanMitigation: false, ...details };
  }
  if (status === 202) {
    const accepted = readAcceptedBody(kind, body);
    if (accepted === undefined) return failed(kind, 'malformed-response', creates(kind), undefined, status);
    return { type: 'accepted', orphanMitigation: false, ...accepted };
  }
  if (status === 410 && deletes(kind)) return { type: 'gone', orphanMitigation: false };
  if (status >= 400 && status < 500) return failed(kind, clientErrorReason(kind, status, body), false, body, status);
  if (status >= 500 && status < 600) return failed(kind, 'broker-error', mayOrphan(kind), body, status);
  return failed(kind, 'unexpected-status', mayOrphan(kind), body, status);
}

function clientErrorReason(kind: OperationKind, status: number, body: unknown): FailureReason {
  switch (status) {
    case 400:
      return 'bad-request';
    case 401:
    case 403:
      return 'unauthorized';
    case 408:
      return 'request-timeout';
    case 409:
      return creates(kind) ? 'conflict' : 'rejected';
    case 422:
      switch (parseBrokerError(body).error) {
        case 'AsyncRequired':
          return 'async-required';
        case 'MaintenanceInfoConflict':
          return 'maintenance-info-conflict';
        case 'ConcurrencyError':
          return 'concurrency-error';
        case 'RequiresApp':
          return 'requires-app';
        default:
          return 'unprocessable';
      }
    default:
      return 'rejected';
  }
}

/** Reads a 200/201 body; `undefined` when it is malformed. */
function readSuccessBody(kind: OperationKind, body: unknown, options: ClassifyOptions): SuccessDetails | undefined {
  if (!isJsonObject(body)) return undefined;
  if (kind === 'provision' || kind === 'update') return readInstanceFields(body);
  if (kind === 'bind') {
    const binding = readBindingFields(body, options.requires ?? []);
    return binding === undefined ? undefined : { binding };
  }
  return {};
}

/** Reads a 202 body; `undefined` when it is malformed. */
function readAcceptedBody(kind: OperationKind, body: unknown): (SuccessDetails & { operation?: string }) | undefined {
  if (!isJsonObject(body)) return undefined;
  const operation = body['operation'];
  if (
    operation !== undefined &&
    operation !== null &&
    (typeof operation !== 'string' || operation.length > MAX_OPERATION_LENGTH)
  ) {
    return undefined;
  }
  const details = kind === 'provision' || kind === 'update' ? readInstanceFields(body) : {};
  if (details === undefined) return undefined;
  return { ...details, ...(typeof operation === 'string' && operation !== '' ? { operation } : {}) };
}

function readInstanceFields(body: Record<string, unknown>): SuccessDetails | undefined {
  const details: SuccessDetails = {};
  const dashboardUrl = body['dashboard_url'];
  if (dashboardUrl === null) details.dashboardUrl = null;
  else if (typeof dashboardUrl === 'string') details.dashboardUrl = isHttpUrl(dashboardUrl) ? dashboardUrl : null;
  else if (dashboardUrl !== undefined) return undefined;

  const metadata = body['metadata'];
  if (metadata !== undefined && metadata !== null) {
    if (!isJsonObject(metadata)) return undefined;
    const read: InstanceMetadata = {};
    if (isJsonObject(metadata['labels'])) read.labels = metadata['labels'];
    if (isJsonObject(metadata['attributes'])) read.attributes = metadata['attributes'];
    details.metadata = read;
  }
  return details;
}

function readBindingFields(body: Record<string, unknown>, requires: readonly string[]): BindingResult | undefined {
  const result: BindingResult = {};
  const { credentials, endpoints, syslog_drain_url, route_service_url, volume_mounts, metadata } = body;
  if (credentials !== undefined && credentials !== null) {
    if (!isJsonObject(credentials)) return undefined;
    result.credentials = credentials;
  }
  if (endpoints !== undefined && endpoints !== null) {
    if (!Array.isArray(endpoints) || !endpoints.every(isJsonObject)) return undefined;
    result.endpoints = endpoints;
  }
  if (syslog_drain_url !== undefined && syslog_drain_url !== null) {
    if (typeof syslog_drain_url !== 'string' || !requires.includes('syslog_drain')) return undefined;
    result.syslogDrainUrl = syslog_drain_url;
  }
  if (route_service_url !== undefined && route_service_url !== null) {
    if (typeof route_service_url !== 'string' || !requires.includes('route_forwarding')) return undefined;
    result.routeServiceUrl = route_service_url;
  }
  if (volume_mounts !== undefined && volume_mounts !== null) {
    if (!Array.isArray(volume_mounts) || !requires.includes('volume_mount')) return undefined;
    result.volumeMounts = volume_mounts;
  }
  if (metadata !== undefined && metadata !== null) {
    if (!isJsonObject(metadata)) return undefined;
    const expiresAt = brokerText(metadata['expires_at']);
    const renewBefore = brokerText(metadata['renew_before']);
    if (expiresAt !== undefined) result.expiresAt = expiresAt;
    if (renewBefore !== undefined) result.renewBefore = renewBefore;
  }
  return result;
}

/** Whether a broker-supplied URL is an absolute http(s) URL (anything else is never stored or shown). */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
