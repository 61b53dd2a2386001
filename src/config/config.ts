import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { checkCorsSettings, type CorsSettings } from './cors.js';
import { ConfigError, readSettings, resolvePath } from './load.js';
import type { SettingKey, SettingValue } from './schema.js';
import { GRANT_TYPES, type GrantType } from './grant-types.js';

export type { GrantType };
export type TokenType = 'jwt' | 'opaque';
export type JwtAlgorithm = 'RS256' | 'ES256' | 'EdDSA';

export interface Ports {
  readonly gatewayHttps: number;
  readonly gatewayHttp: number;
  readonly management: number;
}

export interface DatabaseConfig {
  readonly type: 'sqlite' | 'postgres';
  readonly path: string;
  readonly url: string;
  readonly poolSize: number;
  readonly acquireTimeoutMs: number;
  readonly queryTimeoutMs: number;
  /** PostgreSQL: longest a client or user row is kept (postgres-row-cache.ts); 0 = not kept. */
  readonly rowCacheTtlMs: number;
  readonly sqliteSynchronous: 'normal' | 'full';
}

export interface TokenConfig {
  readonly issuer: string;
  readonly audience: string;
  readonly accessTokenLifetime: number;
  readonly refreshTokenLifetime: number;
  readonly refreshTokenMaxLifetime: number;
  readonly defaultTokenType: TokenType;
  readonly jwtAlgorithm: JwtAlgorithm;
  readonly enabledGrants: readonly GrantType[];
  readonly defaultGrantTypes: readonly GrantType[];
}

export interface HashingConfig {
  readonly memoryKib: number;
  readonly iterations: number;
  readonly parallelism: number;
  readonly maxConcurrent: number;
  readonly maxQueued: number;
  /** Unix nice increment of the hashing threads (0 = same priority as the event loop). */
  readonly nice: number;
}

/** Escalating temporary lock after consecutive wrong passwords (R22, R23). */
export interface LockoutConfig {
  readonly enabled: boolean;
  readonly maxFailedAttempts: number;
  readonly lockMs: number;
  readonly incrementFactor: number;
  readonly maxLockMs: number;
}

export interface IdentityConfig {
  readonly adminUsername: string;
  readonly selfSignup: boolean;
  readonly minPasswordLength: number;
  readonly hashing: HashingConfig;
  readonly lockout: LockoutConfig;
}

/** Per-client-address throttles of the Token API (R16, R22, R24). */
export interface ProtectionConfig {
  readonly trustedProxies: readonly string[];
  /** How long a connection whose password grant was shed is not read again (0 = off). */
  readonly shedPauseMs: number;
  readonly ipMaxFailures: number;
  readonly ipWindowMs: number;
  readonly sprayMaxAccounts: number;
  readonly sprayWindowMs: number;
}

export interface RedisConfig {
  /** Empty: counters live in this process. */
  readonly url: string;
  readonly keyPrefix: string;
}

export interface UiConfig {
  readonly sessionIdleSeconds: number;
  readonly sessionAbsoluteSeconds: number;
  readonly signinAttemptsPerMinute: number;
  readonly signupsPerHour: number;
  /** [apim.devportal] enable_anonymous_mode: the ceiling of the admin's anonymousCatalogue. */
  readonly anonymousCatalogue: boolean;
}

export interface TransportConfig {
  readonly certFile: string;
  readonly keyFile: string;
  readonly requestTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly maxConnections: number;
}

export interface KeyManagerClientConfig {
  /** Empty when the Key Manager runs in this process. */
  readonly serverUrl: string;
  readonly caFile: string;
}

export interface GatewayConfig {
  readonly sharedSecret: string;
  readonly syncIntervalMs: number;
  readonly tokenCacheTtlMs: number;
  readonly backendTimeoutMs: number;
  /** [apim.cors]: for APIs without CORS settings of their own. */
  readonly cors: CorsSettings;
  /** [apim.jwt]: the caller's identity to backends as a signed JWT. */
  readonly backendJwt: BackendJwtConfig;
}

export interface BackendJwtConfig {
  readonly enabled: boolean;
  /** Lower case. */
  readonly header: string;
  readonly algorithm: 'RS256' | 'ES256';
  readonly expirySeconds: number;
  /** Absolute path of the signing key (made at first start when it does not exist). */
  readonly keyFile: string;
  /** iss of backend JWTs: the Gateway's HTTPS URL. */
  readonly issuer: string;
}

/** A throttling policy: requests per minute (per application and API for a subscription tier, per application and end user for an application policy); null = unlimited. */
export interface TierConfig {
  readonly name: string;
  readonly requestsPerMinute: number | null;
}

function parseTiers(key: string, list: readonly string[]): TierConfig[] {
  const tiers = list.map((entry) => {
    const m = /^([A-Za-z0-9][A-Za-z0-9_-]{0,63}):(\d{1,9})$/.exec(entry);
    if (!m)
      throw new ConfigError(
        `${key}: "${entry}" must look like "Gold:5000" (name:requests-per-minute, 0 = unlimited)`,
      );
    const n = Number(m[2]);
    return { name: m[1]!, requestsPerMinute: n === 0 ? null : n };
  });
  if (tiers.length === 0) throw new ConfigError(`${key}: at least one policy is required`);
  if (new Set(tiers.map((t) => t.name)).size !== tiers.length)
    throw new ConfigError(`${key}: policy names must be unique`);
  return tiers;
}

/** New applications get "Unlimited" (WSO2's default), so the list must keep a policy of that name. */
function parseApplicationPolicies(list: readonly string[]): TierConfig[] {
  const policies = parseTiers('apim.throttling.application_policies', list);
  if (!policies.some((p) => p.name === 'Unlimited')) {
    throw new ConfigError(
      'apim.throttling.application_policies: a policy named "Unlimited" is required (the policy of new applications)',
    );
  }
  return policies;
}

function checkSecret(secret: string): string {
  if (secret !== '' && secret.length < 32)
    throw new ConfigError('apim.gateway.shared_secret must be at least 32 characters (or empty)');
  return secret;
}

const RESERVED_HEADERS = new Set([
  'host',
  'authorization',
  'cookie',
  'connection',
  'content-length',
  'content-type',
  'transfer-encoding',
  'te',
  'upgrade',
  'expect',
]);

/** [apim.jwt] header: an HTTP field name (RFC 9110 §5.1), kept in lower case. */
function headerName(name: string): string {
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
    throw new ConfigError(`apim.jwt.header: "${name}" is not an HTTP header name`);
  const lower = name.toLowerCase();
  if (RESERVED_HEADERS.has(lower) || lower.startsWith('x-forwarded-'))
    throw new ConfigError(
      `apim.jwt.header: "${name}" is a header HTTP or the Gateway already uses`,
    );
  return lower;
}

/** [apim.cors], checked like an API's own CORS settings. */
function gatewayCors(
  get: <K extends SettingKey>(key: K) => SettingValue<K>,
  file: string,
): CorsSettings {
  try {
    return checkCorsSettings(
      {
        enabled: get('apim.cors.enable'),
        allowOrigins: get('apim.cors.allow_origins'),
        allowMethods: get('apim.cors.allow_methods'),
        allowHeaders: get('apim.cors.allow_headers'),
        allowCredentials: get('apim.cors.allow_credentials'),
        maxAgeSeconds: get('apim.cors.max_age'),
      },
      {
        enabled: 'apim.cors.enable',
        allowOrigins: 'apim.cors.allow_origins',
        allowMethods: 'apim.cors.allow_methods',
        allowHeaders: 'apim.cors.allow_headers',
        allowCredentials: 'apim.cors.allow_credentials',
        maxAgeSeconds: 'apim.cors.max_age',
      },
    );
  } catch (err) {
    throw new ConfigError(`${file}: ${(err as Error).message}`);
  }
}

/** Periodic deletion of expired tokens and old audit events. */
export interface CleanupConfig {
  readonly enabled: boolean;
  readonly intervalSeconds: number;
  readonly retainExpiredSeconds: number;
  /** 0 = audit events are never deleted. */
  readonly auditRetentionDays: number;
}

export interface Config {
  readonly home: string;
  readonly hostname: string;
  readonly bindAddress: string;
  /** Worker processes of `tollgate start` ([server] workers; 0 in the file = one per core). */
  readonly workers: number;
  readonly ports: Ports;
  readonly transport: TransportConfig;
  readonly database: DatabaseConfig;
  readonly token: TokenConfig;
  readonly identity: IdentityConfig;
  readonly keyManager: KeyManagerClientConfig;
  readonly gateway: GatewayConfig;
  readonly tiers: readonly TierConfig[];
  /** Application throttling policies (WSO2: Unlimited, 50PerMin, 20PerMin, 10PerMin). */
  readonly applicationPolicies: readonly TierConfig[];
  readonly protection: ProtectionConfig;
  readonly cleanup: CleanupConfig;
  readonly redis: RedisConfig;
  readonly metricsEnabled: boolean;
  readonly ui: UiConfig;
  readonly logLevel: string;
  readonly logFormat: 'auto' | 'json' | 'pretty';
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/** `[server] trusted_proxies`: each an IP address or CIDR, checked at start-up (R24). */
function trustedProxies(list: readonly string[], file: string): readonly string[] {
  for (const entry of list) {
    const [addr, prefix, extra] = entry.split('/');
    const family = isIP(addr ?? '');
    const bits = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (family === 0 || !prefixOk || extra !== undefined) {
      throw new ConfigError(
        `${file}: server.trusted_proxies: "${entry}" is not an IP address or CIDR`,
      );
    }
  }
  return list;
}

/** Loads <home>/conf/deployment.toml into one frozen, typed object. */
export function loadConfig(home: string, overrides: Record<string, unknown> = {}): Config {
  const s = readSettings(home, overrides);
  // readSettings checked every value against its schema entry, so each has its entry's type.
  const get = <K extends SettingKey>(key: K) => s.get(key) as SettingValue<K>;
  const hostname = get('server.hostname');
  const offset = get('server.offset');
  const ports = {
    gatewayHttps: 8243 + offset,
    gatewayHttp: 8280 + offset,
    management: 9443 + offset,
  };
  const grants = GRANT_TYPES.filter((g) => get(`oauth.grant_type.${g}.enable`));
  const host = hostname.includes(':') ? `[${hostname}]` : hostname;
  return deepFreeze({
    home,
    hostname,
    bindAddress: get('server.bind_address'),
    workers: get('server.workers') || availableParallelism(),
    ports,
    transport: {
      certFile:
        get('transport.https.cert_file') && resolvePath(home, get('transport.https.cert_file')),
      keyFile:
        get('transport.https.key_file') && resolvePath(home, get('transport.https.key_file')),
      requestTimeoutMs: get('transport.http.request_timeout_ms'),
      headersTimeoutMs: get('transport.http.headers_timeout_ms'),
      maxConnections: get('transport.http.max_connections'),
    },
    database: {
      type: get('database.type'),
      path: resolvePath(home, get('database.path')),
      url: get('database.url'),
      poolSize: get('database.pool_size'),
      acquireTimeoutMs: get('database.acquire_timeout_ms'),
      queryTimeoutMs: get('database.query_timeout_ms'),
      rowCacheTtlMs: get('database.row_cache_ttl_ms'),
      sqliteSynchronous: get('database.sqlite_synchronous'),
    },
    token: {
      issuer: get('oauth.issuer') || `https://${host}:${ports.management}`,
      audience: get('oauth.token.audience') || `https://${host}:${ports.gatewayHttps}`,
      accessTokenLifetime: get('oauth.token.access_token_lifetime'),
      refreshTokenLifetime: get('oauth.token.refresh_token_lifetime'),
      refreshTokenMaxLifetime: get('oauth.token.refresh_token_max_lifetime'),
      defaultTokenType: get('oauth.token.default_token_type'),
      jwtAlgorithm: get('oauth.token.jwt_algorithm'),
      enabledGrants: grants,
      defaultGrantTypes: get('oauth.application.default_grant_types'),
    },
    identity: {
      adminUsername: get('identity.admin.username'),
      selfSignup: get('identity.self_signup.enable'),
      minPasswordLength: get('identity.password_policy.min_length'),
      hashing: {
        memoryKib: get('identity.password_hashing.memory_kib'),
        iterations: get('identity.password_hashing.iterations'),
        parallelism: get('identity.password_hashing.parallelism'),
        maxConcurrent: get('identity.password_hashing.max_concurrent') || availableParallelism(),
        maxQueued: get('identity.password_hashing.max_queued'),
        nice: get('identity.password_hashing.nice'),
      },
      lockout: {
        enabled: get('identity.account_locking.enable'),
        maxFailedAttempts: get('identity.account_locking.max_failed_attempts'),
        lockMs: get('identity.account_locking.lock_seconds') * 1000,
        incrementFactor: get('identity.account_locking.increment_factor'),
        maxLockMs:
          Math.max(
            get('identity.account_locking.max_lock_seconds'),
            get('identity.account_locking.lock_seconds'),
          ) * 1000,
      },
    },
    keyManager: {
      serverUrl: get('apim.key_manager.configuration.ServerURL').replace(/\/+$/, ''),
      caFile: get('apim.key_manager.ca_file') && resolvePath(home, get('apim.key_manager.ca_file')),
    },
    gateway: {
      sharedSecret: checkSecret(get('apim.gateway.shared_secret')),
      syncIntervalMs: get('apim.gateway.sync_interval_ms'),
      tokenCacheTtlMs: get('apim.gateway.token_cache_ttl_ms'),
      backendTimeoutMs: get('apim.gateway.backend_timeout_ms'),
      cors: gatewayCors(get, join(home, 'conf', 'deployment.toml')),
      backendJwt: {
        enabled: get('apim.jwt.enable'),
        header: headerName(get('apim.jwt.header')),
        algorithm: get('apim.jwt.signing_algorithm') as 'RS256' | 'ES256',
        expirySeconds: get('apim.jwt.expiry_seconds'),
        keyFile: resolvePath(
          home,
          get('apim.jwt.key_file') || join('data', 'gateway', 'backend-jwt-key.pem'),
        ),
        issuer: `https://${host}:${ports.gatewayHttps}`,
      },
    },
    tiers: parseTiers(
      'apim.throttling.subscription_tiers',
      get('apim.throttling.subscription_tiers'),
    ),
    applicationPolicies: parseApplicationPolicies(get('apim.throttling.application_policies')),
    cleanup: {
      enabled: get('oauth.token_cleanup.enable'),
      intervalSeconds: get('oauth.token_cleanup.interval_seconds'),
      retainExpiredSeconds: get('oauth.token_cleanup.retain_expired_seconds'),
      auditRetentionDays: get('audit.retention_days'),
    },
    protection: {
      trustedProxies: trustedProxies(
        get('server.trusted_proxies'),
        join(home, 'conf', 'deployment.toml'),
      ),
      shedPauseMs: get('protection.shed_pause_ms'),
      ipMaxFailures: get('protection.ip_throttle.max_failures'),
      ipWindowMs: get('protection.ip_throttle.window_seconds') * 1000,
      sprayMaxAccounts: get('protection.spraying.max_accounts'),
      sprayWindowMs: get('protection.spraying.window_seconds') * 1000,
    },
    redis: { url: get('redis.url'), keyPrefix: get('redis.key_prefix') },
    metricsEnabled: get('metrics.enable'),
    ui: {
      sessionIdleSeconds: get('ui.session.idle_timeout'),
      sessionAbsoluteSeconds: get('ui.session.absolute_timeout'),
      signinAttemptsPerMinute: get('ui.signin.max_attempts_per_ip_per_minute'),
      signupsPerHour: get('identity.self_signup.max_per_ip_per_hour'),
      anonymousCatalogue: get('apim.devportal.enable_anonymous_mode'),
    },
    logLevel: get('log.level'),
    logFormat: get('log.format'),
  });
}
