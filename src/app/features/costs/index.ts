/** The costs page, loaded lazily below `projects/:projectId/costs`. */
export { costsRoutes } from './costs.routes';
