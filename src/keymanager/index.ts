export { createKeyManager, type KeyManager, type KeyManagerDeps } from './key-manager.js';
export { registerKeyManagerRoutes, registerTokenRoutes, OAUTH_BODY_LIMIT } from './routes.js';
export {
  createApplicationService,
  checkEnvironment,
  ApplicationError,
  type ApplicationService,
  type GeneratedKeys,
} from './applications.js';
export { SigningKeys } from './signing-keys.js';
export { parseScope, checkScopeName, DEFAULT_SCOPE } from './scopes.js';
export * from './errors.js';
export type { KeyManagerEvent, EventSink, ThrottleReason } from './events.js';
export { createLoginThrottle, type LoginThrottle } from './login-throttle.js';
export type * from './model.js';
export { ENVIRONMENTS } from './model.js';
export type {
  ApplicationStore,
  AuthorizationStore,
  ScopeStore,
  TokenStore,
  SigningKeyStore,
  RotationOutcome,
} from './store.js';
export { createTokenAdmin } from './token-admin.js';
export { GRANTS, GRANT_TYPES, findGrant, type GrantType } from './grants/registry.js';
export {
  AuthorizePageError,
  AuthorizeRedirectError,
  REQUEST_PARAMS,
  type AuthorizationRequest,
} from './authorize/authorization-request.js';
export type { AuthorizationService } from './authorize/authorization-service.js';
export { callbackUrlProblem, MAX_CALLBACK_URLS } from './redirect-uris.js';
export { registerAuthorizeRoutes, type AuthorizeRouteDeps } from './authorize/routes.js';
export { codeFlowExample, type CodeFlowExample } from './authorize/flow-example.js';
