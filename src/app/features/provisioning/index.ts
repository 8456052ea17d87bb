/** The order page, loaded lazily at `projects/:projectId/marketplace/services/:serviceId/order`. */
export { OrderPage } from './pages/order-page/order-page';
