/**
 * Builders for the OSB requests of the instance and binding lifecycle, following OSB v2.17 and
 * the meshMarketplace profile (context object, originating identity).
 *
 * They produce request descriptions for `OsbClient`, which adds the common headers (API
 * version, basic auth, request identity, `X-Api-Info-Location`), percent-encodes the path
 * segments and the query, and sends them.
 */
import { sameJson } from '@osb/json-schema';

/** One broker request. */
export interface OsbRequest {
  method: 'GET' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path segments below `/v2`, each percent-encoded by the client (for example `['service_instances', id]`). */
  path: string[];
  query?: Record<string, string | boolean | undefined>;
  body?: unknown;
  /** `X-Broker-API-Originating-Identity`, sent on user-initiated requests. */
  originatingIdentity?: { platform: string; user: Record<string, string> };
  /** This request's timeout in seconds (default: the client's). */
  timeoutSeconds?: number;
}

/** A broker's answer with any 2xx-4xx status the caller asked to accept. */
export interface OsbResponse<T = unknown> {
  status: number;
  body: T;
  /** The `Retry-After` header, if any (polling honours it). */
  retryAfter?: string;
}

/** The `context.platform` value and the originating-identity platform name. */
const PLATFORM_NAME = 'meshmarketplace';

/** A lifecycle request: always with a query, and a JSON object as body when it has one. */
export type LifecycleRequest = OsbRequest & { query: Record<string, string>; body?: Record<string, unknown> };

/** The user on whose behalf a request is made. */
export interface RequestingUser {
  id: string;
  /** The user's external id; the user id when the configuration has none. */
  euid?: string;
  /** The user's display name (for the activity log; brokers never get it). */
  displayName?: string;
}

/** Where a service's dashboard may send users to sign in (only for services with a `dashboard_client`). */
export interface DashboardSso {
  /** The `dashboard_client.id` from the catalog. */
  clientId: string;
  /** The OpenID provider's authorization endpoint. */
  authorizationEndpoint: string;
  /** The OpenID provider's token endpoint. */
  tokenEndpoint: string;
}

/** The meshMarketplace context object. */
export interface MarketplaceContext {
  platform: typeof PLATFORM_NAME;
  customer_id: string;
  project_id: string;
  auth_url: string | null;
  token_url: string | null;
  permission_url: string | null;
}

/** What the context of an instance is made of. */
export interface ContextInput {
  instanceId: string;
  /** The workspace id: meshMarketplace's customer. */
  workspaceId: string;
  projectId: string;
  /** The platform's public URL, for `permission_url`. */
  publicUrl: string;
  /** Present only when the service declares a `dashboard_client`. */
  dashboardSso?: DashboardSso;
}

/** Builds the meshMarketplace context; the three URLs are null unless the service has a dashboard client. */
export function buildContext(input: ContextInput): MarketplaceContext {
  const sso = input.dashboardSso;
  return {
    platform: PLATFORM_NAME,
    customer_id: input.workspaceId,
    project_id: input.projectId,
    auth_url: sso ? authUrlTemplate(sso) : null,
    token_url: sso ? sso.tokenEndpoint : null,
    permission_url: sso ? permissionUrl(input.publicUrl, input.instanceId) : null,
  };
}

/** The URL at which a dashboard asks whether a user may use an instance. */
function permissionUrl(publicUrl: string, instanceId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/serviceInstances/${encodeURIComponent(instanceId)}/permissions`;
}

/**
 * The `auth_url` template of the profile: the authorization endpoint with the dashboard's
 * client id, leaving `{redirect_uri}`, `{nonce}` and `{state}` for the broker to fill in.
 */
function authUrlTemplate(sso: DashboardSso): string {
  const separator = sso.authorizationEndpoint.includes('?') ? '&' : '?';
  return `${sso.authorizationEndpoint}${separator}client_id=${encodeURIComponent(sso.clientId)}&response_type=code&redirect_uri={redirect_uri}&nonce={nonce}&state={state}`;
}

/**
 * The originating identity: the client sends it as
 * `X-Broker-API-Originating-Identity: meshmarketplace <base64 of {"user_id","user_euid"}>`.
 */
export function originatingIdentity(user: RequestingUser): NonNullable<OsbRequest['originatingIdentity']> {
  return { platform: PLATFORM_NAME, user: { user_id: user.id, user_euid: user.euid ?? user.id } };
}

function instancePath(instanceId: string): string[] {
  return ['service_instances', instanceId];
}

function bindingPath(instanceId: string, bindingId: string): string[] {
  return [...instancePath(instanceId), 'service_bindings', bindingId];
}

/** What a provision request is made of. */
export interface ProvisionInput extends ContextInput {
  serviceId: string;
  planId: string;
  parameters?: Record<string, unknown>;
  /** The plan's `maintenance_info.version` from the catalog. */
  maintenanceInfoVersion?: string;
  user: RequestingUser;
}

/**
 * `PUT /v2/service_instances/:id?accepts_incomplete=true`. Sends the deprecated but still
 * required `organization_guid` and `space_guid` (workspace and project), which many brokers need.
 */
export function buildProvisionRequest(input: ProvisionInput): LifecycleRequest {
  return {
    method: 'PUT',
    path: instancePath(input.instanceId),
    query: { accepts_incomplete: 'true' },
    body: {
      service_id: input.serviceId,
      plan_id: input.planId,
      context: buildContext(input),
      organization_guid: input.workspaceId,
      space_guid: input.projectId,
      parameters: input.parameters ?? {},
      ...(input.maintenanceInfoVersion !== undefined
        ? { maintenance_info: { version: input.maintenanceInfoVersion } }
        : {}),
    },
    originatingIdentity: originatingIdentity(input.user),
  };
}

/** What an update request is made of. */
export interface UpdateInput extends ContextInput {
  serviceId: string;
  /** The instance's plan before the update. */
  currentPlanId: string;
  /** The new plan, when the user changes it (only for `plan_updateable` plans). */
  newPlanId?: string;
  /** Only the parameters the user changed; absent or empty: the broker keeps its parameters. */
  changedParameters?: Record<string, unknown>;
  /** The instance's maintenance version before the update. */
  currentMaintenanceInfoVersion?: string;
  /** The maintenance version to send: the new plan's on a plan change, else the current one. */
  maintenanceInfoVersion?: string;
  user: RequestingUser;
}

/** `PATCH /v2/service_instances/:id?accepts_incomplete=true` with only what changed and `previous_values`. */
export function buildUpdateRequest(input: UpdateInput): LifecycleRequest {
  const changesPlan = input.newPlanId !== undefined && input.newPlanId !== input.currentPlanId;
  const hasParameters = input.changedParameters !== undefined && Object.keys(input.changedParameters).length > 0;
  return {
    method: 'PATCH',
    path: instancePath(input.instanceId),
    query: { accepts_incomplete: 'true' },
    body: {
      service_id: input.serviceId,
      ...(changesPlan ? { plan_id: input.newPlanId } : {}),
      ...(hasParameters ? { parameters: input.changedParameters } : {}),
      context: buildContext(input),
      previous_values: {
        plan_id: input.currentPlanId,
        ...(input.currentMaintenanceInfoVersion !== undefined
          ? { maintenance_info: { version: input.currentMaintenanceInfoVersion } }
          : {}),
      },
      ...(input.maintenanceInfoVersion !== undefined
        ? { maintenance_info: { version: input.maintenanceInfoVersion } }
        : {}),
    },
    originatingIdentity: originatingIdentity(input.user),
  };
}

/** Identifies an instance at its broker. */
export interface InstanceRef {
  instanceId: string;
  serviceId: string;
  planId: string;
}

/**
 * `DELETE /v2/service_instances/:id?service_id=&plan_id=&accepts_incomplete=true`. Without a
 * user it is an orphan-mitigation request and carries no originating identity.
 */
export function buildDeprovisionRequest(ref: InstanceRef, user?: RequestingUser): LifecycleRequest {
  return {
    method: 'DELETE',
    path: instancePath(ref.instanceId),
    query: { service_id: ref.serviceId, plan_id: ref.planId, accepts_incomplete: 'true' },
    ...(user ? { originatingIdentity: originatingIdentity(user) } : {}),
  };
}

/**
 * `GET /v2/service_instances/:id/last_operation`. `ref.planId` must be the plan before a plan
 * change; `operation` is echoed exactly as the broker sent it. Polls are the platform's own
 * requests and carry no originating identity.
 */
export function buildLastOperationRequest(ref: InstanceRef, operation: string | undefined): LifecycleRequest {
  return {
    method: 'GET',
    path: [...instancePath(ref.instanceId), 'last_operation'],
    query: { service_id: ref.serviceId, plan_id: ref.planId, ...(operation !== undefined ? { operation } : {}) },
  };
}

/** Identifies a binding at its broker. */
export interface BindingRef extends InstanceRef {
  bindingId: string;
}

/** What a bind request is made of. */
export interface BindInput extends BindingRef {
  context: MarketplaceContext;
  /** meshMarketplace tenant binding: `{tenant_id, platform: "<location>.<platform>"}`. */
  bindResource?: Record<string, string>;
  parameters?: Record<string, unknown>;
  /** False for a synchronous-only bind (sensitive services): then `accepts_incomplete` is left off. Default true. */
  acceptsIncomplete?: boolean;
  /** A rotation: the binding whose successor this is (only for services with `binding_rotatable`). */
  predecessorBindingId?: string;
  user: RequestingUser;
}

/** `PUT /v2/service_instances/:id/service_bindings/:bid?accepts_incomplete=true` (without the query when synchronous only). */
export function buildBindRequest(input: BindInput): LifecycleRequest {
  return {
    method: 'PUT',
    path: bindingPath(input.instanceId, input.bindingId),
    query: input.acceptsIncomplete === false ? {} : { accepts_incomplete: 'true' },
    body: {
      service_id: input.serviceId,
      plan_id: input.planId,
      context: input.context,
      ...(input.bindResource !== undefined ? { bind_resource: input.bindResource } : {}),
      ...(input.parameters !== undefined ? { parameters: input.parameters } : {}),
      ...(input.predecessorBindingId !== undefined ? { predecessor_binding_id: input.predecessorBindingId } : {}),
    },
    originatingIdentity: originatingIdentity(input.user),
  };
}

/** `DELETE …/service_bindings/:bid?service_id=&plan_id=&accepts_incomplete=true`; without a user for orphan mitigation. */
export function buildUnbindRequest(ref: BindingRef, user?: RequestingUser): LifecycleRequest {
  return {
    method: 'DELETE',
    path: bindingPath(ref.instanceId, ref.bindingId),
    query: { service_id: ref.serviceId, plan_id: ref.planId, accepts_incomplete: 'true' },
    ...(user ? { originatingIdentity: originatingIdentity(user) } : {}),
  };
}

/** `GET …/service_bindings/:bid/last_operation`, echoing `operation` exactly. */
export function buildBindingLastOperationRequest(ref: BindingRef, operation: string | undefined): LifecycleRequest {
  return {
    method: 'GET',
    path: [...bindingPath(ref.instanceId, ref.bindingId), 'last_operation'],
    query: { service_id: ref.serviceId, plan_id: ref.planId, ...(operation !== undefined ? { operation } : {}) },
  };
}

/** `GET /v2/service_instances/:id/service_bindings/:bid?service_id=&plan_id=`: a binding with its credentials. */
export function buildFetchBindingRequest(ref: BindingRef): LifecycleRequest {
  return {
    method: 'GET',
    path: bindingPath(ref.instanceId, ref.bindingId),
    query: { service_id: ref.serviceId, plan_id: ref.planId },
  };
}

/** `GET /v2/service_instances/:id?service_id=&plan_id=`: an instance as its broker sees it. */
export function buildFetchInstanceRequest(ref: InstanceRef): LifecycleRequest {
  return {
    method: 'GET',
    path: instancePath(ref.instanceId),
    query: { service_id: ref.serviceId, plan_id: ref.planId },
  };
}

/**
 * The parameters that differ between the stored and the edited set: only these go to the
 * broker on update. Keys the user removed are not sent (OSB has no way to unset a parameter).
 */
export function changedParameters(
  previous: Record<string, unknown>,
  next: Record<string, unknown>,
): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (!Object.hasOwn(previous, key) || !sameJson(previous[key], value)) changed[key] = value;
  }
  return changed;
}
