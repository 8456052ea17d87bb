/** The marketplace pages, loaded lazily below `projects/:projectId/marketplace`. */
export { catalogRoutes } from './catalog.routes';
