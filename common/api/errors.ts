/**
 * Error bodies of the platform API: a stable `code` with its `params`, which the UI translates
 * into the user's language, and the English `message` for API clients and logs.
 *
 * Text a service broker wrote (its error `description`) travels as the `brokerMessage`
 * parameter, unchanged: the UI shows it as the broker's words, never as the platform's.
 */
import Type, { type Static } from 'typebox';

/** Why a request to a service broker failed (the platform's classification of its answer). */
export const BROKER_FAILURE_REASONS = [
  'bad-request',
  'unauthorized',
  'request-timeout',
  'conflict',
  'async-required',
  'maintenance-info-conflict',
  'concurrency-error',
  'requires-app',
  'unprocessable',
  'rejected',
  'broker-error',
  'unexpected-status',
  'malformed-response',
  'timeout',
  'unreachable',
  'operation-failed',
  'polling-deadline',
] as const;
/** One of {@link BROKER_FAILURE_REASONS}. */
export type BrokerFailureReason = (typeof BROKER_FAILURE_REASONS)[number];

/**
 * Why an operation at a broker failed, as a code the UI translates: the platform's
 * classification, the HTTP status where one applies, and the broker's own words, if any.
 */
export const OperationFailure = Type.Object({
  reason: Type.Enum(BROKER_FAILURE_REASONS),
  status: Type.Optional(Type.Integer()),
  /** The broker's `description`, unchanged; the UI shows it as the broker's words. */
  brokerMessage: Type.Optional(Type.String()),
});
export type OperationFailure = Static<typeof OperationFailure>;

/** The parameters each error code carries (all of them plain strings or numbers). */
export interface ApiErrorParams {
  /** The request does not fit the API's schema; `detail` is the validator's English text. */
  invalidRequest: { detail: string };
  /** An unexpected failure on the server; nothing more is revealed. */
  serverError: Record<string, never>;
  /** No such API route. */
  routeNotFound: { method: string; path: string };
  /** The OpenID provider cannot be reached to check the sign-in. */
  signInUnavailable: Record<string, never>;
  /** The request has no bearer token. */
  tokenRequired: Record<string, never>;
  /** The bearer token is invalid or expired. */
  tokenInvalid: Record<string, never>;
  /** An API request without the user's bearer token. */
  signInRequired: Record<string, never>;
  /** The user's bearer token is invalid or expired. */
  sessionExpired: Record<string, never>;
  /** The signed-in user is not a user of this marketplace. */
  noAccess: Record<string, never>;
  /** The platform is still starting. */
  platformStarting: Record<string, never>;
  /** The platform's database does not answer. */
  databaseUnavailable: Record<string, never>;
  /** This replica of the platform is shutting down (the load balancer sends requests elsewhere). */
  platformStopping: Record<string, never>;
  projectNotFound: Record<string, never>;
  serviceNotFound: Record<string, never>;
  instanceNotFound: Record<string, never>;
  bindingNotFound: Record<string, never>;
  shareNotFound: Record<string, never>;
  /** The service of an order is not in the marketplace. */
  serviceNotOffered: Record<string, never>;
  /** The broker of the service cannot be reached, so it takes no orders; `since` is an ISO time. */
  brokerUnavailable: { broker: string; since?: string };
  /** The plan of an order or plan change is not offered for the service. */
  planNotOffered: Record<string, never>;
  /** The service or plan of an existing instance left the marketplace. */
  offeringGone: Record<string, never>;
  /**
   * Parameters that do not fit the plan's schema: `detail` says which and why (in English,
   * `; `-separated), `fields` names the fields (dotted paths, `, `-separated).
   */
  parametersInvalid: { detail: string; fields: string };
  /** The project already has an instance of this name. */
  instanceNameTaken: { name: string };
  /** An operation (`create`, `update`, `delete`) runs on the instance. */
  instanceBusy: { operation: string };
  /** The instance changed since it was read (another request was quicker). */
  instanceChanged: Record<string, never>;
  /** The instance's creation failed: it can only be deleted. */
  instanceCreateFailed: Record<string, never>;
  /** The instance is being deleted: no more bindings can be created on it. */
  instanceDeleting: Record<string, never>;
  /** The share of the instance with the binding's project is ending: the project can create no more bindings on it. */
  shareEnding: Record<string, never>;
  /** The instance's creation failed, so it cannot be bound. */
  instanceNotProvisioned: Record<string, never>;
  /** The broker reported the instance as unusable. */
  instanceUnusable: Record<string, never>;
  /** The plan of the instance cannot be changed. */
  planNotUpdatable: Record<string, never>;
  /** Another project shared the instance: only that project can change or delete it. */
  instanceSharedReadOnly: { project: string };
  /** The dashboard's single sign-on details are not available. */
  dashboardUnavailable: Record<string, never>;
  /** The service's broker does not report its instances (`instances_retrievable`) or bindings (`bindings_retrievable`). */
  notRetrievable: { what: 'instance' | 'binding' };
  /** The instance already has its plan's newest maintenance version. */
  noUpgradeAvailable: Record<string, never>;
  /**
   * The broker answered `MaintenanceInfoConflict`: its plan's maintenance version changed. The
   * platform read the catalog again; `version` is the upgrade it offers now, if any.
   */
  maintenanceInfoChanged: { version?: string; brokerMessage?: string };
  /** Instances of the plan cannot be bound. */
  planNotBindable: Record<string, never>;
  /** An operation runs on the binding. */
  bindingBusy: Record<string, never>;
  /** The service's bindings cannot be rotated (no `binding_rotatable`), or the binding names a tenant. */
  bindingNotRotatable: Record<string, never>;
  /** Only a binding that was created and has not expired can be rotated. */
  bindingNotActive: Record<string, never>;
  /** A binding of the instance could not be deleted at the broker. */
  bindingNotDeleted: { name: string; reason: BrokerFailureReason; brokerMessage?: string };
  /** Bindings are still being deleted; `then` is what to do again once they are gone. */
  bindingsStillDeleting: { count: number; then: 'deleteInstance' | 'endShare' };
  /**
   * `count` bindings are still being created (and `deleting` more still being deleted); `then` is
   * what to do again once the broker has finished them.
   */
  bindingsStillCreating: { count: number; deleting: number; then: 'deleteInstance' | 'endShare' };
  /** Stored credentials cannot be decrypted. */
  credentialsUnreadable: Record<string, never>;
  /** A tenant was given for a service that does not bind tenants. */
  tenantNotSupported: Record<string, never>;
  /** A tenant-aware service needs a tenant. */
  tenantRequired: Record<string, never>;
  /** The tenant is not one of the project's (in the instance's location, when it has one). */
  tenantNotEligible: { inLocation: number };
  /** The tenant is already bound to the instance. */
  tenantAlreadyBound: { tenant: string };
  /** The broker binds a sensitive service only asynchronously, which cannot hand credentials over once. */
  sensitiveBindingAsync: Record<string, never>;
  /** The broker accepted a sensitive service's binding asynchronously; it was not created and is being deleted again. */
  sensitiveBindingAcceptedAsync: Record<string, never>;
  /** The service does not allow sharing. */
  sharingNotAllowed: Record<string, never>;
  /** Only a ready instance can be shared. */
  shareNotReady: Record<string, never>;
  /** An instance cannot be shared with its own project. */
  shareWithOwnProject: Record<string, never>;
  /** Only projects of the same workspace can share. */
  shareOutsideWorkspace: Record<string, never>;
  /** The instance is already shared with the project. */
  alreadyShared: { project: string };
  /** Only the owning project can share the instance. */
  shareOwnerOnly: Record<string, never>;
  /** A request to the service broker failed; `brokerMessage` is the broker's own text, if it sent one. */
  brokerFailed: { reason: BrokerFailureReason; status?: number; brokerMessage?: string };
}

/** A stable code of an error the platform API answers with. */
export type ApiErrorCode = keyof ApiErrorParams;

/** The English text of a broker failure without the broker's own words. */
export const BROKER_FAILURE_MESSAGES: Readonly<Record<BrokerFailureReason, string>> = {
  'bad-request': 'The service broker rejected the request as invalid.',
  unauthorized: 'The service broker did not accept the platform’s credentials.',
  'request-timeout': 'The request to the service broker timed out before the broker received it.',
  conflict: 'The service broker already has a resource with this id but different attributes.',
  'async-required': 'The service broker requires asynchronous operations for this plan.',
  'maintenance-info-conflict':
    'The maintenance information of the plan has changed at the service broker. The catalog is refreshed; please try again.',
  'concurrency-error':
    'Another operation on this service instance is in progress at the service broker. Please try again later.',
  'requires-app': 'The service broker requires an application to bind to.',
  unprocessable: 'The service broker cannot carry out this request.',
  rejected: 'The service broker rejected the request.',
  'broker-error': 'The service broker failed to carry out the request.',
  'unexpected-status': 'The service broker answered with an unexpected status.',
  'malformed-response': 'The service broker sent an invalid answer.',
  timeout: 'The service broker did not answer in time.',
  unreachable: 'The service broker could not be reached.',
  'operation-failed': 'The service broker reported that the operation failed.',
  'polling-deadline': 'The operation did not finish in the time allowed.',
};

type EnglishMessages = { readonly [C in ApiErrorCode]: (params: ApiErrorParams[C]) => string };

/** The English `message` of each code, for API clients and logs (the UI translates the code). */
export const API_ERROR_MESSAGES: EnglishMessages = {
  invalidRequest: ({ detail }) => `The request is invalid: ${detail}`,
  serverError: () => 'Something went wrong on the server. Try again later.',
  routeNotFound: ({ method, path }) => `No route ${method} ${path}`,
  signInUnavailable: () => 'The sign-in service cannot be reached right now. Try again shortly.',
  tokenRequired: () => 'A bearer token is required.',
  tokenInvalid: () => 'The token is invalid or has expired.',
  signInRequired: () => 'Sign in to use the marketplace API.',
  sessionExpired: () => 'Your session is invalid or has expired. Sign in again.',
  noAccess: () => 'Your account has no access to this marketplace.',
  platformStarting: () => 'The platform is starting.',
  databaseUnavailable: () => 'The database does not answer.',
  platformStopping: () => 'This replica of the platform is shutting down. Try again.',
  projectNotFound: () => 'Project not found.',
  serviceNotFound: () => 'Service not found.',
  instanceNotFound: () => 'Service instance not found.',
  bindingNotFound: () => 'Service binding not found.',
  shareNotFound: () => 'Share not found.',
  serviceNotOffered: () => 'The service is not in the marketplace.',
  brokerUnavailable: ({ broker, since }) =>
    `The service broker ${broker} cannot be reached${since ? ` since ${since}` : ''}, so it takes no orders. Try again later.`,
  planNotOffered: () => 'The plan is not offered for this service.',
  offeringGone: () => 'The service or plan of this instance is no longer in the marketplace.',
  parametersInvalid: ({ detail }) => `The parameters are invalid: ${detail}.`,
  instanceNameTaken: ({ name }) => `The project already has a service instance named “${name}”.`,
  instanceBusy: ({ operation }) =>
    `Another operation (${operation}) is in progress on this instance. Try again when it has finished.`,
  instanceChanged: () => 'The instance was changed in the meantime. Reload it and try again.',
  instanceCreateFailed: () => 'The instance could not be created. Delete it and order a new one.',
  instanceDeleting: () => 'The instance is being deleted, so no more bindings can be created on it.',
  shareEnding: () =>
    'The share of this instance with your project is ending, so your project can create no more bindings on it.',
  instanceNotProvisioned: () => 'The instance could not be created, so it cannot be bound.',
  instanceUnusable: () => 'The service broker reported this instance as unusable, so it cannot be bound.',
  planNotUpdatable: () => 'The plan of this instance cannot be changed.',
  instanceSharedReadOnly: ({ project }) =>
    `This instance is shared with your project by ${project}; only that project can change or delete it.`,
  dashboardUnavailable: () => 'The sign-in details for this service’s dashboard are not available. Try again later.',
  notRetrievable: ({ what }) => `The service broker does not report this service’s ${what}s.`,
  noUpgradeAvailable: () => 'This instance already runs the newest maintenance version of its plan.',
  maintenanceInfoChanged: ({ version }) =>
    `The service broker changed the maintenance version of this plan, so it did not carry out the request. The marketplace has read the broker’s catalog again${
      version !== undefined ? `; upgrade the instance to version ${version} first, then try again` : '; try again'
    }.`,
  planNotBindable: () => 'Instances of this plan cannot be bound.',
  bindingBusy: () => 'Another operation is in progress on this binding. Try again when it has finished.',
  bindingNotRotatable: () => 'The credentials of this binding cannot be rotated. Create a new binding instead.',
  bindingNotActive: () => 'Only a binding that was created and has not expired can be rotated.',
  bindingNotDeleted: ({ name, reason, brokerMessage }) =>
    `The binding “${name}” could not be deleted: ${brokerMessage ?? BROKER_FAILURE_MESSAGES[reason]}`,
  bindingsStillDeleting: ({ count, then }) =>
    `${count} binding(s) of this instance are still being deleted by the service broker. ${
      then === 'endShare' ? 'End the share again' : 'Delete the instance again'
    } once they are gone.`,
  bindingsStillCreating: ({ count, deleting, then }) =>
    `${count} binding(s) of this instance are still being created by the service broker${
      deleting > 0 ? ` and ${deleting} still being deleted` : ''
    }. ${then === 'endShare' ? 'End the share again' : 'Delete the instance again'} once the service broker has finished them.`,
  credentialsUnreadable: () => 'The credentials cannot be read.',
  tenantNotSupported: () => 'This service does not bind tenants.',
  tenantRequired: () => 'Choose the tenant to bind.',
  tenantNotEligible: ({ inLocation }) =>
    inLocation
      ? 'The tenant is not a tenant of this project in the location of the instance.'
      : 'The tenant is not a tenant of this project.',
  tenantAlreadyBound: ({ tenant }) => `Tenant ${tenant} is already bound to this instance.`,
  sensitiveBindingAsync: () =>
    'The service broker only creates bindings asynchronously, which the marketplace does not support for sensitive services: their credentials can only be handed over at once.',
  sensitiveBindingAcceptedAsync: () =>
    'The service broker wanted to create the binding asynchronously, which the marketplace does not allow for sensitive services: their credentials can only be handed over at once. The binding was not created; the marketplace is deleting it at the broker again.',
  sharingNotAllowed: () => 'The service of this instance does not allow sharing.',
  shareNotReady: () => 'Only a ready instance can be shared. Try again when its operation has finished.',
  shareWithOwnProject: () => 'An instance cannot be shared with its own project.',
  shareOutsideWorkspace: () => 'Instances can only be shared with other projects of the same workspace.',
  alreadyShared: ({ project }) => `The instance is already shared with ${project}.`,
  shareOwnerOnly: () => 'Only the project that owns the instance can share it.',
  brokerFailed: ({ reason, status, brokerMessage }) =>
    brokerMessage ?? BROKER_FAILURE_MESSAGES[reason].replace(/\.$/, status !== undefined ? ` (HTTP ${status}).` : '.'),
};

/** An error body for a code and its parameters, with the English message filled in. */
export function apiErrorBody<C extends ApiErrorCode>(code: C, params: ApiErrorParams[C]): ErrorBody {
  return { code, params: params as ErrorBody['params'], message: API_ERROR_MESSAGES[code](params) };
}

/** Error body of every non-2xx answer of the platform API. */
export const ErrorBody = Type.Object({
  code: Type.String({ description: 'A stable code of the error (see ApiErrorParams in common/api/errors.ts).' }),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
    description: 'The values the code’s message names; `brokerMessage` is text the service broker wrote.',
  }),
  message: Type.String({ description: 'The message in English, for API clients and logs.' }),
});
export type ErrorBody = Static<typeof ErrorBody>;
