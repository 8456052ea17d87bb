/**
 * Reading what a broker reports of an existing instance or binding (`GET
 * /v2/service_instances/:id`, `GET …/service_bindings/:bid`), leniently: fields of the wrong
 * type are left out, URLs other than http(s) are dropped, and failures are classified like
 * every other answer.
 */
import { isJsonObject } from '@osb/json-schema';
import type { BrokerReply } from './broker-reply.ts';
import { brokerFailure, classifyReply, isHttpUrl, type BrokerFailure } from './outcome.ts';

/** What the broker reports of an instance. */
export interface ReportedInstance {
  planId?: string;
  dashboardUrl?: string;
  parameters?: Record<string, unknown>;
  maintenanceInfoVersion?: string;
}

/** What the broker reports of a binding. */
export interface ReportedBinding {
  parameters?: Record<string, unknown>;
  credentials?: Record<string, unknown>;
}

/** The broker's answer or why there is none. */
export type Retrieved<T> = { ok: true; reported: T } | { ok: false; failure: BrokerFailure };

/** Reads the answer to `GET /v2/service_instances/:id`. */
export function readFetchedInstance(reply: BrokerReply): Retrieved<ReportedInstance> {
  const body = fetchedBody(reply, 'update');
  if (!body.ok) return body;
  const { plan_id: planId, dashboard_url: dashboardUrl, parameters, maintenance_info: maintenanceInfo } = body.reported;
  return {
    ok: true,
    reported: {
      ...(typeof planId === 'string' ? { planId } : {}),
      ...(typeof dashboardUrl === 'string' && isHttpUrl(dashboardUrl) ? { dashboardUrl } : {}),
      ...(isJsonObject(parameters) ? { parameters } : {}),
      ...(isJsonObject(maintenanceInfo) && typeof maintenanceInfo['version'] === 'string'
        ? { maintenanceInfoVersion: maintenanceInfo['version'] }
        : {}),
    },
  };
}

/** Reads the answer to `GET …/service_bindings/:bid`. */
export function readFetchedBinding(reply: BrokerReply): Retrieved<ReportedBinding> {
  const body = fetchedBody(reply, 'bind');
  if (!body.ok) return body;
  const { parameters, credentials } = body.reported;
  return {
    ok: true,
    reported: {
      ...(isJsonObject(parameters) ? { parameters } : {}),
      ...(isJsonObject(credentials) ? { credentials } : {}),
    },
  };
}

/** The object body of a `200 OK`, else the failure (classified as for `kind`). */
function fetchedBody(reply: BrokerReply, kind: 'update' | 'bind'): Retrieved<Record<string, unknown>> {
  if (reply.kind === 'response' && reply.status === 200 && isJsonObject(reply.body)) {
    return { ok: true, reported: reply.body };
  }
  const outcome = classifyReply(kind, reply);
  if (outcome.type === 'failed') return { ok: false, failure: outcome.failure };
  // A 200 without an object body, or a 201 or 202 where only 200 belongs.
  const status = reply.kind === 'response' ? reply.status : undefined;
  const reason = status === 200 ? 'malformed-response' : 'unexpected-status';
  return { ok: false, failure: brokerFailure(kind, reason, undefined, status) };
}
