export type * from './model.js';
export type { SubscriptionStore } from './store.js';
export {
  createSubscriptionService,
  type SubscriptionService,
  type Caller,
} from './subscription-service.js';
export { registerPortalApiRoutes, DEVPORTAL_BASE } from './api-routes.js';
export { registerSubscriptionRoutes } from './subscription-routes.js';
