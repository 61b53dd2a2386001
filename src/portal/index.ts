export type * from './model.js';
export type { SubscriptionStore, IssuanceStatistics } from './store.js';
export {
  createSubscriptionService,
  type SubscriptionService,
  type Caller,
} from './subscription-service.js';
export { registerPortalRoutes, DEVPORTAL_BASE, type PortalRouteDeps } from './routes.js';
export { codeFlowEndpoints } from './info-routes.js';
export { gatewayUrl } from './gateway-url.js';
