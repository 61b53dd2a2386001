export { createKeyManagerClient } from './key-manager-client.js';
export { registerTokenPassThrough, refuseTokenApiOverHttp } from './token-routes.js';
export { createControlPlaneClient } from './control-plane-client.js';
export { startConfigSync } from './config-sync.js';
export { createTokenValidator } from './token-validator.js';
export { createProxy } from './proxy.js';
export { registerApiRoutes } from './api-routes.js';
export { withLastKnownConfig } from './last-known-config.js';
export { createBackendJwtSigner } from './backend-jwt.js';
export { loadBackendJwtKey } from './backend-jwt-key.js';
export { registerBackendJwks, BACKEND_JWKS_PATH } from './jwks-route.js';
//# sourceMappingURL=index.js.map