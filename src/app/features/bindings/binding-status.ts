import type { ServiceBinding, ServiceBindingOperation } from '@osb/api';

/** Whether the broker is still working on the binding. */
export function isBindingRunning(binding: Pick<ServiceBinding, 'lastOperation'>): boolean {
  return binding.lastOperation.state === 'in progress';
}

/** The short label of a binding operation's state, for example "Binding" or "Unbinding failed". */
export function bindingOperationLabel(operation: Pick<ServiceBindingOperation, 'type' | 'state'>): string {
  const running = operation.state === 'in progress';
  switch (operation.type) {
    case 'create':
      if (operation.state === 'succeeded') {
        return $localize`:binding status@@bindingStatusReady:Ready`;
      }
      return running
        ? $localize`:binding status@@bindingStatusBinding:Binding`
        : $localize`:binding status@@bindingStatusBindingFailed:Binding failed`;
    case 'delete':
      if (operation.state === 'succeeded') {
        return $localize`:binding status@@bindingStatusUnbound:Unbound`;
      }
      return running
        ? $localize`:binding status@@bindingStatusUnbinding:Unbinding`
        : $localize`:binding status@@bindingStatusUnbindingFailed:Unbinding failed`;
    case 'expire':
      if (operation.state === 'succeeded') {
        return $localize`:binding status@@bindingStatusExpired:Expired`;
      }
      return running
        ? $localize`:binding status@@bindingStatusExpiring:Expiring`
        : $localize`:binding status@@bindingStatusExpiryFailed:Expiry failed`;
  }
}
