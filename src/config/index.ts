export { loadConfig } from './config.js';
export type {
  BackendJwtConfig,
  CleanupConfig,
  Config,
  DatabaseConfig,
  GrantType,
  HashingConfig,
  IdentityConfig,
  JwtAlgorithm,
  KeyManagerClientConfig,
  LockoutConfig,
  Ports,
  GatewayConfig,
  ProtectionConfig,
  RedisConfig,
  TierConfig,
  TokenConfig,
  TokenType,
  TransportConfig,
  UiConfig,
} from './config.js';
export { ConfigError } from './load.js';
export { checkCorsSettings, DEFAULT_CORS, type CorsSettings } from './cors.js';
export { SETTINGS } from './schema.js';
export { GRANT_TYPE_INFO, GRANT_TYPES, grantTypeInfo } from './grant-types.js';
export {
  createRuntimeSettings,
  RUNTIME_SETTINGS,
  SettingLockedError,
  type RuntimeSettings,
  type RuntimeSettingsValues,
  type SettingsStore,
} from './runtime-settings.js';
