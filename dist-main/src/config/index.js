export { loadConfig } from './config.js';
export { ConfigError } from './load.js';
export { checkCorsSettings, DEFAULT_CORS } from './cors.js';
export { SETTINGS } from './schema.js';
export { GRANT_TYPE_INFO, GRANT_TYPES, grantTypeInfo } from './grant-types.js';
export { createRuntimeSettings, SettingLockedError, } from './runtime-settings.js';
//# sourceMappingURL=index.js.map