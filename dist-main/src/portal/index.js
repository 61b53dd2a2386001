export { createSubscriptionService, } from './subscription-service.js';
export { registerPortalRoutes, DEVPORTAL_BASE } from './routes.js';
//# sourceMappingURL=index.js.map