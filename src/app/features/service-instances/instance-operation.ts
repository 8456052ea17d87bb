import type { ServiceInstance, ServiceInstanceOperation } from '@osb/api';

/** Whether the broker is still working on the instance; other operations must wait until it is done. */
export function isOperationRunning(instance: Pick<ServiceInstance, 'lastOperation'>): boolean {
  return instance.lastOperation.state === 'in progress';
}

/** The short label of an operation's state, for example "Provisioning…" or "Update failed". */
export function operationLabel(operation: Pick<ServiceInstanceOperation, 'type' | 'state'>): string {
  if (operation.state === 'succeeded') {
    return $localize`:instance status@@instanceStatusReady:Ready`;
  }
  const running = operation.state === 'in progress';
  switch (operation.type) {
    case 'create':
      return running
        ? $localize`:instance status@@instanceStatusProvisioning:Provisioning…`
        : $localize`:instance status@@instanceStatusProvisioningFailed:Provisioning failed`;
    case 'update':
      return running
        ? $localize`:instance status@@instanceStatusUpdating:Updating…`
        : $localize`:instance status@@instanceStatusUpdateFailed:Update failed`;
    case 'delete':
      return running
        ? $localize`:instance status@@instanceStatusDeprovisioning:Deprovisioning…`
        : $localize`:instance status@@instanceStatusDeprovisioningFailed:Deprovisioning failed`;
  }
}
