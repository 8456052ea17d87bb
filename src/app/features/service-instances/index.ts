/** The service instance pages, loaded lazily below `projects/:projectId/instances`. */
export { serviceInstancesRoutes } from './service-instances.routes';
