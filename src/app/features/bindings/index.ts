/** What other features use of the bindings: the instance page's section and the expiry notice. */
export { ExpiringBindingsNotice } from './components/expiring-bindings-notice/expiring-bindings-notice';
export { InstanceBindings } from './components/instance-bindings/instance-bindings';
