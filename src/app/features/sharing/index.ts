/** What other features use of sharing: the instance page's section. */
export { InstanceSharing } from './components/instance-sharing/instance-sharing';
