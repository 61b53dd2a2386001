import { cpus } from 'node:os';
import { readSettings, resolvePath } from './load.js';
import type { GRANT_TYPES } from './schema.js';

export type GrantType = (typeof GRANT_TYPES)[number];
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
}

export interface IdentityConfig {
  readonly adminUsername: string;
  readonly selfSignup: boolean;
  readonly minPasswordLength: number;
  readonly hashing: HashingConfig;
}

export interface UiConfig {
  readonly sessionIdleSeconds: number;
  readonly sessionAbsoluteSeconds: number;
  readonly signinAttemptsPerMinute: number;
  readonly signupsPerHour: number;
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

export interface Config {
  readonly home: string;
  readonly hostname: string;
  readonly bindAddress: string;
  readonly ports: Ports;
  readonly transport: TransportConfig;
  readonly database: DatabaseConfig;
  readonly token: TokenConfig;
  readonly identity: IdentityConfig;
  readonly keyManager: KeyManagerClientConfig;
  readonly ui: UiConfig;
  readonly logLevel: string;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/** Loads <home>/conf/deployment.toml into one frozen, typed object. */
export function loadConfig(home: string, overrides: Record<string, unknown> = {}): Config {
  const s = readSettings(home, overrides);
  const get = <T>(key: string) => s.get(key) as T;
  const hostname = get<string>('server.hostname');
  const offset = get<number>('server.offset');
  const ports = { gatewayHttps: 8243 + offset, gatewayHttp: 8280 + offset, management: 9443 + offset };
  const grants = (['password', 'client_credentials', 'refresh_token'] as const).filter((g) =>
    get<boolean>(`oauth.grant_type.${g}.enable`),
  );
  const host = hostname.includes(':') ? `[${hostname}]` : hostname;
  return deepFreeze({
    home,
    hostname,
    bindAddress: get<string>('server.bind_address'),
    ports,
    transport: {
      certFile: get<string>('transport.https.cert_file') && resolvePath(home, get<string>('transport.https.cert_file')),
      keyFile: get<string>('transport.https.key_file') && resolvePath(home, get<string>('transport.https.key_file')),
      requestTimeoutMs: get<number>('transport.http.request_timeout_ms'),
      headersTimeoutMs: get<number>('transport.http.headers_timeout_ms'),
      maxConnections: get<number>('transport.http.max_connections'),
    },
    database: {
      type: get<'sqlite' | 'postgres'>('database.type'),
      path: resolvePath(home, get<string>('database.path')),
      url: get<string>('database.url'),
      poolSize: get<number>('database.pool_size'),
      acquireTimeoutMs: get<number>('database.acquire_timeout_ms'),
      sqliteSynchronous: get<'normal' | 'full'>('database.sqlite_synchronous'),
    },
    token: {
      issuer: get<string>('oauth.issuer') || `https://${host}:${ports.management}`,
      audience: get<string>('oauth.token.audience') || `https://${host}:${ports.gatewayHttps}`,
      accessTokenLifetime: get<number>('oauth.token.access_token_lifetime'),
      refreshTokenLifetime: get<number>('oauth.token.refresh_token_lifetime'),
      refreshTokenMaxLifetime: get<number>('oauth.token.refresh_token_max_lifetime'),
      defaultTokenType: get<TokenType>('oauth.token.default_token_type'),
      jwtAlgorithm: get<JwtAlgorithm>('oauth.token.jwt_algorithm'),
      enabledGrants: grants,
      defaultGrantTypes: get<GrantType[]>('oauth.application.default_grant_types'),
    },
    identity: {
      adminUsername: get<string>('identity.admin.username'),
      selfSignup: get<boolean>('identity.self_signup.enable'),
      minPasswordLength: get<number>('identity.password_policy.min_length'),
      hashing: {
        memoryKib: get<number>('identity.password_hashing.memory_kib'),
        iterations: get<number>('identity.password_hashing.iterations'),
        parallelism: get<number>('identity.password_hashing.parallelism'),
        maxConcurrent: get<number>('identity.password_hashing.max_concurrent') || cpus().length,
        maxQueued: get<number>('identity.password_hashing.max_queued'),
      },
    },
    keyManager: {
      serverUrl: get<string>('apim.key_manager.configuration.ServerURL').replace(/\/+$/, ''),
      caFile: get<string>('apim.key_manager.ca_file') && resolvePath(home, get<string>('apim.key_manager.ca_file')),
    },
    ui: {
      sessionIdleSeconds: get<number>('ui.session.idle_timeout'),
      sessionAbsoluteSeconds: get<number>('ui.session.absolute_timeout'),
      signinAttemptsPerMinute: get<number>('ui.signin.max_attempts_per_ip_per_minute'),
      signupsPerHour: get<number>('identity.self_signup.max_per_ip_per_hour'),
    },
    logLevel: get<string>('log.level'),
  });
}
