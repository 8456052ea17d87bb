import type { ApiErrorCode, ApiErrorParams, BrokerFailureReason, ErrorBody, OperationFailure } from '@osb/api';

import { plural } from '../../shared/i18n/plural';

type Translations = { readonly [C in ApiErrorCode]: (params: ApiErrorParams[C]) => string };

/** The user's words for why a request to a service broker failed. */
const BROKER_FAILURES: Readonly<Record<BrokerFailureReason, () => string>> = {
  'bad-request': () =>
    $localize`:broker failure@@brokerFailure.badRequest:The service broker rejected the request as invalid.`,
  unauthorized: () =>
    $localize`:broker failure@@brokerFailure.unauthorized:The service broker did not accept the platform’s credentials.`,
  'request-timeout': () =>
    $localize`:broker failure@@brokerFailure.requestTimeout:The request to the service broker timed out before the broker received it.`,
  conflict: () =>
    $localize`:broker failure@@brokerFailure.conflict:The service broker already has a resource with this id but different attributes.`,
  'async-required': () =>
    $localize`:broker failure@@brokerFailure.asyncRequired:The service broker requires asynchronous operations for this plan.`,
  'maintenance-info-conflict': () =>
    $localize`:broker failure@@brokerFailure.maintenanceInfoConflict:The maintenance information of the plan has changed at the service broker. The catalog is refreshed; please try again.`,
  'concurrency-error': () =>
    $localize`:broker failure@@brokerFailure.concurrencyError:Another operation on this service instance is in progress at the service broker. Please try again later.`,
  'requires-app': () =>
    $localize`:broker failure@@brokerFailure.requiresApp:The service broker requires an application to bind to.`,
  unprocessable: () =>
    $localize`:broker failure@@brokerFailure.unprocessable:The service broker cannot carry out this request.`,
  rejected: () => $localize`:broker failure@@brokerFailure.rejected:The service broker rejected the request.`,
  'broker-error': () =>
    $localize`:broker failure@@brokerFailure.brokerError:The service broker failed to carry out the request.`,
  'unexpected-status': () =>
    $localize`:broker failure@@brokerFailure.unexpectedStatus:The service broker answered with an unexpected status.`,
  'malformed-response': () =>
    $localize`:broker failure@@brokerFailure.malformedResponse:The service broker sent an invalid answer.`,
  timeout: () => $localize`:broker failure@@brokerFailure.timeout:The service broker did not answer in time.`,
  unreachable: () => $localize`:broker failure@@brokerFailure.unreachable:The service broker could not be reached.`,
  'operation-failed': () =>
    $localize`:broker failure@@brokerFailure.operationFailed:The service broker reported that the operation failed.`,
  'polling-deadline': () =>
    $localize`:broker failure@@brokerFailure.pollingDeadline:The operation did not finish in the time allowed.`,
};

/** The names of instance operations in running text ("another operation (update) is running"). */
const OPERATION_NAMES: Readonly<Record<string, () => string>> = {
  create: () => $localize`:instance operation@@operationName.create:provisioning`,
  update: () => $localize`:instance operation@@operationName.update:update`,
  delete: () => $localize`:instance operation@@operationName.delete:deprovisioning`,
};

/**
 * What a broker failure means for the user: the broker's own words when it sent some, marked as
 * the broker's, else the platform's explanation of the failure.
 */
export function brokerFailureText(reason: BrokerFailureReason, brokerMessage?: string): string {
  if (brokerMessage) return brokerWords(brokerMessage);
  return (BROKER_FAILURES[reason] ?? BROKER_FAILURES['broker-error'])();
}

/** A text a service broker wrote, quoted and marked as the broker's words. */
function brokerWords(text: string): string {
  return $localize`:@@brokerSays:The service broker says: “${text}:brokerMessage:”`;
}

/**
 * What the user reads beside an operation's state: after a failure its translated reason (the
 * broker's own words marked as the broker's); otherwise the broker's progress note, marked too.
 */
export function operationMessage(operation: { description?: string; failure?: OperationFailure }): string | undefined {
  if (operation.failure) return brokerFailureText(operation.failure.reason, operation.failure.brokerMessage);
  return operation.description ? brokerWords(operation.description) : undefined;
}

const TRANSLATIONS: Translations = {
  invalidRequest: () =>
    $localize`:api error@@apiError.invalidRequest:The marketplace sent a request the platform does not accept. Reload the page and try again.`,
  serverError: () => $localize`:api error@@apiError.serverError:Something went wrong on the server. Try again later.`,
  routeNotFound: () =>
    $localize`:api error@@apiError.routeNotFound:The platform does not offer this function. Reload the page and try again.`,
  signInUnavailable: () =>
    $localize`:api error@@apiError.signInUnavailable:The sign-in service cannot be reached right now. Try again shortly.`,
  tokenRequired: () => $localize`:api error@@apiError.tokenRequired:You are not signed in. Sign in again.`,
  tokenInvalid: () => $localize`:api error@@apiError.tokenInvalid:Your sign-in has expired. Sign in again.`,
  signInRequired: () => $localize`:api error@@apiError.signInRequired:Sign in to use the marketplace.`,
  sessionExpired: () =>
    $localize`:api error@@apiError.sessionExpired:Your session is invalid or has expired. Sign in again.`,
  noAccess: () => $localize`:api error@@apiError.noAccess:Your account has no access to this marketplace.`,
  platformStarting: () =>
    $localize`:api error@@apiError.platformStarting:The platform is starting. Try again in a moment.`,
  databaseUnavailable: () =>
    $localize`:api error@@apiError.databaseUnavailable:The platform’s database does not answer. Try again later.`,
  platformStopping: () =>
    $localize`:api error@@apiError.platformStopping:This server of the platform is shutting down. Try again.`,
  projectNotFound: () => $localize`:api error@@apiError.projectNotFound:The project was not found.`,
  serviceNotFound: () => $localize`:api error@@apiError.serviceNotFound:The service was not found.`,
  instanceNotFound: () => $localize`:api error@@apiError.instanceNotFound:The service instance was not found.`,
  bindingNotFound: () => $localize`:api error@@apiError.bindingNotFound:The binding was not found.`,
  shareNotFound: () => $localize`:api error@@apiError.shareNotFound:The share was not found.`,
  serviceNotOffered: () => $localize`:api error@@apiError.serviceNotOffered:The service is not in the marketplace.`,
  brokerUnavailable: ({ broker }) =>
    $localize`:api error@@apiError.brokerUnavailable:The service broker ${broker}:broker: cannot be reached, so it takes no orders right now. Try again later.`,
  planNotOffered: () => $localize`:api error@@apiError.planNotOffered:The plan is not offered for this service.`,
  offeringGone: () =>
    $localize`:api error@@apiError.offeringGone:The service or plan of this instance is no longer in the marketplace.`,
  parametersInvalid: ({ fields }) =>
    fields && fields !== 'parameters'
      ? $localize`:api error@@apiError.parametersInvalid.fields:The platform does not accept these fields: ${fields}:fields:. Check them and try again.`
      : $localize`:api error@@apiError.parametersInvalid:The platform does not accept the parameters. Check them and try again.`,
  instanceNameTaken: ({ name }) =>
    $localize`:api error@@apiError.instanceNameTaken:The project already has a service instance named “${name}:name:”.`,
  instanceBusy: ({ operation }) =>
    $localize`:api error@@apiError.instanceBusy:Another operation (${OPERATION_NAMES[operation]?.() ?? operation}:operation:) is in progress on this instance. Try again when it has finished.`,
  instanceChanged: () =>
    $localize`:api error@@apiError.instanceChanged:The instance was changed in the meantime. Reload it and try again.`,
  instanceCreateFailed: () =>
    $localize`:api error@@apiError.instanceCreateFailed:The instance could not be created. Delete it and order a new one.`,
  instanceDeleting: () =>
    $localize`:api error@@apiError.instanceDeleting:The instance is being deleted, so no more bindings can be created on it.`,
  shareEnding: () =>
    $localize`:api error@@apiError.shareEnding:The share of this instance with your project is ending, so your project can create no more bindings on it.`,
  instanceNotProvisioned: () =>
    $localize`:api error@@apiError.instanceNotProvisioned:The instance could not be created, so it cannot be bound.`,
  instanceUnusable: () =>
    $localize`:api error@@apiError.instanceUnusable:The service broker reported this instance as unusable, so it cannot be bound.`,
  planNotUpdatable: () => $localize`:api error@@apiError.planNotUpdatable:The plan of this instance cannot be changed.`,
  instanceSharedReadOnly: ({ project }) =>
    $localize`:api error@@apiError.instanceSharedReadOnly:This instance is shared with your project by ${project}:project:; only that project can change or delete it.`,
  dashboardUnavailable: () =>
    $localize`:api error@@apiError.dashboardUnavailable:The sign-in details for this service’s dashboard are not available. Try again later.`,
  notRetrievable: ({ what }) =>
    what === 'binding'
      ? $localize`:api error@@apiError.notRetrievable.binding:The service broker does not report the bindings of this service.`
      : $localize`:api error@@apiError.notRetrievable.instance:The service broker does not report the instances of this service.`,
  noUpgradeAvailable: () =>
    $localize`:api error@@apiError.noUpgradeAvailable:This instance already runs the newest maintenance version of its plan.`,
  maintenanceInfoChanged: ({ version, brokerMessage }) => {
    const what =
      version !== undefined
        ? $localize`:api error@@apiError.maintenanceInfoChanged.upgrade:The service broker changed the maintenance version of this plan, so it did not carry out the request. The marketplace has read the broker’s catalog again: upgrade the instance to version ${version}:version: first, then try again.`
        : $localize`:api error@@apiError.maintenanceInfoChanged:The service broker changed the maintenance version of this plan, so it did not carry out the request. The marketplace has read the broker’s catalog again; try again.`;
    return brokerMessage ? `${what} ${brokerFailureText('maintenance-info-conflict', brokerMessage)}` : what;
  },
  planNotBindable: () => $localize`:api error@@apiError.planNotBindable:Instances of this plan cannot be bound.`,
  bindingBusy: () =>
    $localize`:api error@@apiError.bindingBusy:Another operation is in progress on this binding. Try again when it has finished.`,
  bindingNotRotatable: () =>
    $localize`:api error@@apiError.bindingNotRotatable:The credentials of this binding cannot be rotated. Create a new binding instead.`,
  bindingNotActive: () =>
    $localize`:api error@@apiError.bindingNotActive:Only a binding that was created and has not expired can be rotated.`,
  bindingNotDeleted: ({ name, reason, brokerMessage }) =>
    $localize`:api error@@apiError.bindingNotDeleted:The binding “${name}:name:” could not be deleted. ${brokerFailureText(reason, brokerMessage)}:reason:`,
  bindingsStillDeleting: ({ count, then }) => {
    const still = plural(count, {
      one: () =>
        $localize`:api error@@apiError.bindingsStillDeleting.one:${count}:count: binding of this instance is still being deleted by the service broker.`,
      other: () =>
        $localize`:api error@@apiError.bindingsStillDeleting:${count}:count: bindings of this instance are still being deleted by the service broker.`,
    });
    const retry =
      then === 'endShare'
        ? $localize`:api error@@apiError.bindingsStillDeleting.endShare:End the share again once they are gone.`
        : $localize`:api error@@apiError.bindingsStillDeleting.deleteInstance:Deprovision the instance again once they are gone.`;
    return `${still} ${retry}`;
  },
  bindingsStillCreating: ({ count, deleting, then }) => {
    const still = plural(count, {
      one: () =>
        $localize`:api error@@apiError.bindingsStillCreating.one:${count}:count: binding of this instance is still being created by the service broker.`,
      other: () =>
        $localize`:api error@@apiError.bindingsStillCreating:${count}:count: bindings of this instance are still being created by the service broker.`,
    });
    const alsoDeleting =
      deleting > 0
        ? plural(deleting, {
            one: () =>
              $localize`:api error@@apiError.bindingsStillCreating.deleting.one:${deleting}:count: other binding is still being deleted.`,
            other: () =>
              $localize`:api error@@apiError.bindingsStillCreating.deleting:${deleting}:count: other bindings are still being deleted.`,
          })
        : undefined;
    const retry =
      then === 'endShare'
        ? $localize`:api error@@apiError.bindingsStillCreating.endShare:End the share again once the service broker has finished them.`
        : $localize`:api error@@apiError.bindingsStillCreating.deleteInstance:Deprovision the instance again once the service broker has finished them.`;
    return [still, alsoDeleting, retry].filter((sentence) => sentence !== undefined).join(' ');
  },
  credentialsUnreadable: () => $localize`:api error@@apiError.credentialsUnreadable:The credentials cannot be read.`,
  tenantNotSupported: () => $localize`:api error@@apiError.tenantNotSupported:This service does not bind tenants.`,
  tenantRequired: () => $localize`:api error@@apiError.tenantRequired:Choose the tenant to bind.`,
  tenantNotEligible: ({ inLocation }) =>
    inLocation
      ? $localize`:api error@@apiError.tenantNotInLocation:The tenant is not a tenant of this project in the location of the instance.`
      : $localize`:api error@@apiError.tenantNotInProject:The tenant is not a tenant of this project.`,
  tenantAlreadyBound: ({ tenant }) =>
    $localize`:api error@@apiError.tenantAlreadyBound:Tenant ${tenant}:tenant: is already bound to this instance.`,
  sensitiveBindingAsync: () =>
    $localize`:api error@@apiError.sensitiveBindingAsync:The service broker only creates bindings asynchronously, which the marketplace does not support for sensitive services: their credentials can only be handed over at once.`,
  sensitiveBindingAcceptedAsync: () =>
    $localize`:api error@@apiError.sensitiveBindingAcceptedAsync:The service broker wanted to create the binding asynchronously, which the marketplace does not allow for sensitive services: their credentials can only be handed over at once. The binding was not created; the marketplace is deleting it at the broker again.`,
  sharingNotAllowed: () =>
    $localize`:api error@@apiError.sharingNotAllowed:The service of this instance does not allow sharing.`,
  shareNotReady: () =>
    $localize`:api error@@apiError.shareNotReady:Only a ready instance can be shared. Try again when its operation has finished.`,
  shareWithOwnProject: () =>
    $localize`:api error@@apiError.shareWithOwnProject:An instance cannot be shared with its own project.`,
  shareOutsideWorkspace: () =>
    $localize`:api error@@apiError.shareOutsideWorkspace:Instances can only be shared with other projects of the same workspace.`,
  alreadyShared: ({ project }) =>
    $localize`:api error@@apiError.alreadyShared:The instance is already shared with ${project}:project:.`,
  shareOwnerOnly: () =>
    $localize`:api error@@apiError.shareOwnerOnly:Only the project that owns the instance can share it.`,
  brokerFailed: ({ reason, brokerMessage }) => brokerFailureText(reason, brokerMessage),
};

/**
 * The error in the user's language, from its code and parameters; undefined for a body without
 * a code this UI knows (the caller then shows the English `message`).
 */
export function translateApiError(body: Partial<ErrorBody>): string | undefined {
  const translate =
    body.code && Object.hasOwn(TRANSLATIONS, body.code) ? TRANSLATIONS[body.code as ApiErrorCode] : undefined;
  if (!translate) return undefined;
  return (translate as (params: Record<string, unknown>) => string)(body.params ?? {});
}
