export { createKeyManagerClient, type KeyManagerClient } from './key-manager-client.js';
export { registerTokenPassThrough, refuseTokenApiOverHttp } from './token-routes.js';
export type * from './snapshot.js';
export { createControlPlaneClient } from './control-plane-client.js';
export { startConfigSync, type ConfigSync } from './config-sync.js';
export { createTokenValidator, type TokenValidator } from './token-validator.js';
export { createProxy, type Proxy } from './proxy.js';
export { registerApiRoutes, type GatewayDeps } from './api-routes.js';
export { withLastKnownConfig } from './last-known-config.js';
