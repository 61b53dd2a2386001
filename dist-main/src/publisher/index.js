export { gatewayPath, HTTP_METHODS } from './model.js';
export { CatalogError } from './errors.js';
export { createApiService } from './api-service.js';
export { parseLifecycleAction, LIFECYCLE_ACTIONS } from './lifecycle.js';
export { resourcesFromOpenApi } from './openapi-import.js';
export { parseResourceSpec } from './validate.js';
export { apiView } from './api-routes.js';
export { corsView } from './cors.js';
export { registerPublisherRoutes, PUBLISHER_BASE, PUBLISHER_ROLES, } from './routes.js';
//# sourceMappingURL=index.js.map