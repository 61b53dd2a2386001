export type * from './model.js';
export { gatewayPath, HTTP_METHODS } from './model.js';
export type { ApiStore } from './store.js';
export { CatalogError } from './errors.js';
export { createApiService, type ApiService, type ApiInput } from './api-service.js';
export { parseLifecycleAction, LIFECYCLE_ACTIONS, type LifecycleAction } from './lifecycle.js';
export { resourcesFromOpenApi } from './openapi-import.js';
export { parseResourceSpec } from './validate.js';
export {
  registerPublisherApiRoutes,
  PUBLISHER_BASE,
  PUBLISHER_ROLES,
  apiView,
} from './api-routes.js';
export { registerPublisherScopeRoutes } from './scope-routes.js';
