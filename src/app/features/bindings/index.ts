/**
 * What other features use of the bindings: the instance page's section and the expiry notice,
 * and for the order wizard the binding's fields and the bindings ordered with an instance.
 */
export { BindingFields } from './components/binding-fields/binding-fields';
export { ExpiringBindingsNotice } from './components/expiring-bindings-notice/expiring-bindings-notice';
export { InstanceBindings } from './components/instance-bindings/instance-bindings';
export { PendingBindings, type PendingBinding } from './pending-bindings';
