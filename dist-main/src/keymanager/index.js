export { createKeyManager } from './key-manager.js';
export { registerKeyManagerRoutes, registerTokenRoutes, OAUTH_BODY_LIMIT } from './routes.js';
export { createApplicationService, checkEnvironment, ApplicationError, } from './applications.js';
export { SigningKeys } from './signing-keys.js';
export { parseScope, checkScopeName, DEFAULT_SCOPE } from './scopes.js';
export * from './errors.js';
export { createLoginThrottle } from './login-throttle.js';
export { ENVIRONMENTS } from './model.js';
export { createTokenAdmin } from './token-admin.js';
export { GRANTS, GRANT_TYPES, findGrant } from './grants/registry.js';
//# sourceMappingURL=index.js.map