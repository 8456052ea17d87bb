import type { ServiceBinding, ServiceBindingOperation } from '@osb/api';

/** Whether the broker is still working on the binding. */
export function isBindingRunning(binding: Pick<ServiceBinding, 'lastOperation'>): boolean {
  return binding.lastOperation.state === 'in progress';
}

/** The short label of a binding operation's state, for example "Creating…" or "Deletion failed". */
export function bindingOperationLabel(operation: Pick<ServiceBindingOperation, 'type' | 'state'>): string {
  const running = operation.state === 'in progress';
  switch (operation.type) {
    case 'create':
      if (operation.state === 'succeeded') {
        return $localize`:binding status@@bindingStatusReady:Ready`;
      }
      return running
        ? $localize`:binding status@@bindingStatusCreating:Creating…`
        : $localize`:binding status@@bindingStatusCreationFailed:Creation failed`;
    case 'delete':
      if (operation.state === 'succeeded') {
        return $localize`:binding status@@bindingStatusDeleted:Deleted`;
      }
      return running
        ? $localize`:binding status@@bindingStatusDeleting:Deleting…`
        : $localize`:binding status@@bindingStatusDeletionFailed:Deletion failed`;
    case 'expire':
      if (operation.state === 'succeeded') {
        return $localize`:binding status@@bindingStatusExpired:Expired`;
      }
      return running
        ? $localize`:binding status@@bindingStatusExpiredDeleting:Expired, deleting…`
        : $localize`:binding status@@bindingStatusExpiredDeletionFailed:Deletion after expiry failed`;
  }
}
