export type * from './model.js';
export { gatewayPath, HTTP_METHODS } from './model.js';
export type { ApiStore, ApiDefinitionStore } from './store.js';
export { CatalogError } from './errors.js';
export { createApiService, type ApiService, type ApiInput } from './api-service.js';
export { parseLifecycleAction, LIFECYCLE_ACTIONS, type LifecycleAction } from './lifecycle.js';
export { parseOpenApi, resourcesFromOpenApi } from './openapi-import.js';
export { parseResourceSpec } from './validate.js';
export { apiView } from './api-routes.js';
export { corsView, type CorsConfiguration } from './cors.js';
export {
  registerPublisherRoutes,
  PUBLISHER_BASE,
  PUBLISHER_ROLES,
  type PublisherRouteDeps,
} from './routes.js';
export { openApiDefinition, type DefinitionTarget } from './openapi-export.js';
