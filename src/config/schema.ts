// Every deployment.toml key Tollgate understands: its type, default and a one-line doc.
// The loader rejects anything not listed here; docs/configuration.md is generated from it.

import { GRANT_TYPE_INFO, GRANT_TYPES } from './grant-types.js';

export type SettingType =
  | { kind: 'string' }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'boolean' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'string-list'; values?: readonly string[] };

export interface Setting {
  readonly key: string;
  readonly type: SettingType;
  readonly default: string | number | boolean | readonly string[];
  readonly doc: string;
}

const str = { kind: 'string' } as const;
const bool = { kind: 'boolean' } as const;
const int = (min: number, max: number) => ({ kind: 'integer', min, max }) as const;
const oneOf = <const V extends string>(...values: V[]) => ({ kind: 'enum', values }) as const;

/** WSO2's Generate Keys ticks these for new keys (password included, for parity). */
const DEFAULT_GRANT_TYPES = ['password', 'client_credentials', 'refresh_token'];

/** `[oauth.grant_type.<name>] enable` for every grant type, documented by it. */
const grantSwitches = GRANT_TYPE_INFO.map((g) => ({
  key: `oauth.grant_type.${g.name}.enable` as const,
  type: bool,
  default: true,
  doc: g.doc,
}));

export const SETTINGS = [
  {
    key: 'server.hostname',
    type: str,
    default: 'localhost',
    doc: 'Host name used in URLs Tollgate prints and in the default issuer and certificate.',
  },
  {
    key: 'server.bind_address',
    type: str,
    default: '0.0.0.0',
    doc: 'Address every port listens on ("127.0.0.1" for this computer only, "::" for IPv6 too).',
  },
  {
    key: 'server.offset',
    type: int(0, 50000),
    default: 0,
    doc: 'Added to every port, so several servers can run on one computer.',
  },
  {
    key: 'server.workers',
    type: int(0, 256),
    default: 0,
    doc: 'Worker processes serving the ports of `tollgate start` (node:cluster); 0 = one per CPU core this process may use, 1 = everything in one process. `tollgate start --workers N` overrides it.',
  },
  {
    key: 'server.trusted_proxies',
    type: { kind: 'string-list' },
    default: [],
    doc: 'Proxies (IP or CIDR) whose X-Forwarded-For is believed when finding the client address for throttles; empty = the socket address only (R24).',
  },
  {
    key: 'transport.https.cert_file',
    type: str,
    default: '',
    doc: 'PEM certificate for all HTTPS ports; empty = a self-signed one made at first start in data/tls/.',
  },
  {
    key: 'transport.https.key_file',
    type: str,
    default: '',
    doc: 'PEM private key matching cert_file.',
  },
  {
    key: 'transport.http.request_timeout_ms',
    type: int(1000, 300000),
    default: 30000,
    doc: 'A request must be fully received within this time (R57).',
  },
  {
    key: 'transport.http.headers_timeout_ms',
    type: int(1000, 60000),
    default: 15000,
    doc: 'Request headers must arrive within this time (slow-headers protection).',
  },
  {
    key: 'transport.http.max_connections',
    type: int(1, 1000000),
    default: 10000,
    doc: 'Open connections per port before new ones are refused.',
  },
  {
    key: 'database.type',
    type: oneOf('sqlite', 'postgres'),
    default: 'sqlite',
    doc: 'Storage engine: embedded SQLite file or PostgreSQL.',
  },
  {
    key: 'database.path',
    type: str,
    default: 'data/tollgate.db',
    doc: 'SQLite file, relative to the instance home.',
  },
  {
    key: 'database.url',
    type: str,
    default: '',
    doc: 'PostgreSQL connection URL (postgres://user@host:5432/db) when type = "postgres".',
  },
  {
    key: 'database.pool_size',
    type: int(1, 200),
    default: 10,
    doc: 'PostgreSQL connections per process: two thirds for the token requests, the rest for everything else (at least 2 each).',
  },
  {
    key: 'database.acquire_timeout_ms',
    type: int(100, 60000),
    default: 2000,
    doc: 'Give up (503) when no database connection is available within this time.',
  },
  {
    key: 'database.query_timeout_ms',
    type: int(100, 600000),
    default: 2000,
    doc: 'PostgreSQL: a query with no answer within this time fails (503) instead of hanging (R54).',
  },
  {
    key: 'database.row_cache_ttl_ms',
    type: int(0, 600000),
    default: 1000,
    doc: 'PostgreSQL: longest a node keeps a client or user row should a change notification be lost (a change is normally seen within milliseconds); 0 = not kept.',
  },
  {
    key: 'database.sqlite_synchronous',
    type: oneOf('normal', 'full'),
    default: 'normal',
    doc: 'SQLite durability: "normal" survives a process crash, "full" also a power loss (slower).',
  },
  {
    key: 'oauth.issuer',
    type: str,
    default: '',
    doc: 'Issuer identifier (RFC 8414); empty = https://<hostname>:<9443+offset>.',
  },
  ...grantSwitches,
  {
    key: 'oauth.token.access_token_lifetime',
    type: int(60, 31536000),
    default: 3600,
    doc: 'Default access token lifetime in seconds (per application override).',
  },
  {
    key: 'oauth.token.refresh_token_lifetime',
    type: int(60, 31536000),
    default: 86400,
    doc: 'Default refresh token lifetime in seconds (per application override).',
  },
  {
    key: 'oauth.token.refresh_token_max_lifetime',
    type: int(60, 315360000),
    default: 2592000,
    doc: 'Absolute lifetime of a refresh token family: rotation never extends it past this.',
  },
  {
    key: 'oauth.token.default_token_type',
    type: oneOf('jwt', 'opaque'),
    default: 'jwt',
    doc: 'Token type of new applications when none is chosen.',
  },
  {
    key: 'oauth.token.jwt_algorithm',
    type: oneOf('RS256', 'ES256', 'EdDSA'),
    default: 'RS256',
    doc: 'Signature algorithm of JWT access tokens (RFC 9068): RS256 (as WSO2), ES256 or EdDSA; /oauth2/jwks keeps publishing the keys of earlier choices.',
  },
  {
    key: 'oauth.token.audience',
    type: str,
    default: '',
    doc: 'aud claim of JWT access tokens; empty = the Gateway URL https://<hostname>:<8243+offset>.',
  },
  {
    key: 'oauth.token_cleanup.enable',
    type: bool,
    default: true,
    doc: "Delete expired access tokens, refresh tokens and token families from the database periodically (as WSO2's token cleanup). Statistics (token_issuance) are kept.",
  },
  {
    key: 'oauth.token_cleanup.interval_seconds',
    type: int(1, 604800),
    default: 3600,
    doc: 'How often the cleanup runs (also once shortly after start).',
  },
  {
    key: 'oauth.token_cleanup.retain_expired_seconds',
    type: int(0, 31536000),
    default: 86400,
    doc: 'Expired tokens are kept this long before deletion: a replayed rotated refresh token is still recognised (and revokes its family) during that time.',
  },
  {
    key: 'audit.retention_days',
    type: int(0, 36500),
    default: 90,
    doc: 'Audit events older than this are deleted by the cleanup; 0 = keep them forever.',
  },
  {
    key: 'oauth.application.default_grant_types',
    type: { kind: 'string-list', values: GRANT_TYPES },
    default: DEFAULT_GRANT_TYPES,
    doc: 'Grant types ticked for new keys when none are chosen (WSO2 parity: password included).',
  },
  {
    key: 'identity.admin.username',
    type: str,
    default: 'admin',
    doc: 'Name of the first administrator created at first start.',
  },
  {
    key: 'identity.self_signup.enable',
    type: bool,
    default: true,
    doc: 'Allow self sign-up on the Developer Portal. false = off whatever the admin setting says.',
  },
  {
    key: 'identity.self_signup.max_per_ip_per_hour',
    type: int(1, 100000),
    default: 10,
    doc: 'Self sign-ups accepted per client IP per hour (R50); more answer 429.',
  },
  {
    key: 'identity.password_policy.min_length',
    type: int(8, 128),
    default: 8,
    doc: 'Minimum password length in characters (ASVS 6.2.1).',
  },
  {
    key: 'identity.password_hashing.memory_kib',
    type: int(7168, 1048576),
    default: 19456,
    doc: 'Argon2id memory cost in KiB (OWASP: 19456).',
  },
  {
    key: 'identity.password_hashing.iterations',
    type: int(1, 20),
    default: 2,
    doc: 'Argon2id time cost (OWASP: 2).',
  },
  {
    key: 'identity.password_hashing.parallelism',
    type: int(1, 8),
    default: 1,
    doc: 'Argon2id lanes (OWASP: 1).',
  },
  {
    key: 'identity.password_hashing.max_concurrent',
    type: int(0, 64),
    default: 0,
    doc: 'Password hashes computed at once; 0 = number of CPU cores.',
  },
  {
    key: 'identity.password_hashing.max_queued',
    type: int(0, 10000),
    default: 32,
    doc: 'Password checks allowed to wait for a hashing slot; beyond this the Token API answers 503 + Retry-After.',
  },
  {
    key: 'identity.password_hashing.nice',
    type: int(0, 19),
    default: 10,
    doc: 'How much lower the CPU priority of the hashing threads is (Unix nice increment): during a login flood the event loop, which serves refresh, introspection and the Gateway, still gets a core at once. 0 = the same priority.',
  },
  {
    key: 'identity.account_locking.enable',
    type: bool,
    default: true,
    doc: 'Lock an account for a while after repeated wrong passwords (R22, R23).',
  },
  {
    key: 'identity.account_locking.max_failed_attempts',
    type: int(1, 50),
    default: 5,
    doc: 'Consecutive wrong passwords that lock the account (WSO2: 5).',
  },
  {
    key: 'identity.account_locking.lock_seconds',
    type: int(60, 86400),
    default: 300,
    doc: 'First lock duration in seconds (WSO2: 5 minutes).',
  },
  {
    key: 'identity.account_locking.increment_factor',
    type: int(1, 10),
    default: 2,
    doc: 'Each further lock lasts this many times the previous one (WSO2: 2).',
  },
  {
    key: 'identity.account_locking.max_lock_seconds',
    type: int(60, 604800),
    default: 3600,
    doc: 'Longest lock; a lock always expires by itself (R23).',
  },
  {
    key: 'protection.shed_pause_ms',
    type: int(0, 10000),
    default: 1000,
    doc: "After a password grant is shed (503, hashing queue full), the connection that brought it is not read again for this long, and twice as long as its last pause each time it is shed again within this long of that pause's end (up to 8 times this long); Retry-After says as much, so a client that honours it never notices, while one that resends at once cannot turn answering 503s into the overload. Connections from trusted_proxies are never paused. 0 = off.",
  },
  {
    key: 'protection.ip_throttle.max_failures',
    type: int(1, 1000000),
    default: 30,
    doc: 'Failed client or user authentications from one client address per window before it gets 429 + Retry-After.',
  },
  {
    key: 'protection.ip_throttle.window_seconds',
    type: int(1, 86400),
    default: 300,
    doc: 'Window of the per-address failure throttle.',
  },
  {
    key: 'protection.spraying.max_accounts',
    type: int(1, 1000000),
    default: 10,
    doc: 'Distinct accounts one client address may fail to sign in to per window (password spraying) before it gets 429.',
  },
  {
    key: 'protection.spraying.window_seconds',
    type: int(1, 86400),
    default: 900,
    doc: 'Window of the password-spraying detector.',
  },
  {
    key: 'redis.url',
    type: str,
    default: '',
    doc: 'Redis URL (redis://127.0.0.1:6379) shared by several nodes for throttle counters; empty = counters in this process.',
  },
  {
    key: 'redis.key_prefix',
    type: str,
    default: 'tollgate:',
    doc: 'Prefix of every Redis key Tollgate writes.',
  },
  {
    key: 'metrics.enable',
    type: bool,
    default: true,
    doc: 'Serve Prometheus metrics at /metrics on the management port.',
  },
  {
    key: 'apim.key_manager.configuration.ServerURL',
    type: str,
    default: '',
    doc: 'Key Manager the Gateway uses for /token, /revoke, JWKS and introspection; empty = the one in this process.',
  },
  {
    key: 'apim.key_manager.ca_file',
    type: str,
    default: '',
    doc: "PEM CA bundle trusted for the Key Manager URL; empty = this server's own certificate (Key Manager on the same host).",
  },
  {
    key: 'apim.gateway.shared_secret',
    type: str,
    default: '',
    doc: 'Secret a separate Gateway presents to the control plane (snapshot sync and introspection, /internal/gateway/v1); at least 32 characters; empty = internal endpoints off. Same value on both sides.',
  },
  {
    key: 'apim.gateway.sync_interval_ms',
    type: int(200, 60000),
    default: 1000,
    doc: 'How often the Gateway polls the control plane for APIs, subscriptions and revoked JWTs (R46: revocation within 1 s).',
  },
  {
    key: 'apim.gateway.token_cache_ttl_ms',
    type: int(0, 300000),
    default: 1000,
    doc: "How long the Gateway caches an opaque token's introspection result: a revoked opaque token may pass for this long.",
  },
  {
    key: 'apim.gateway.backend_timeout_ms',
    type: int(100, 600000),
    default: 30000,
    doc: 'A backend must start answering (and keep sending) within this time, else the Gateway answers 504.',
  },
  {
    key: 'apim.cors.enable',
    type: bool,
    default: true,
    doc: 'The Gateway answers CORS preflights (without a token) and adds CORS headers for browser calls from allowed origins; false leaves CORS to the backends. An API can override these settings in the Publisher.',
  },
  {
    key: 'apim.cors.allow_origins',
    type: { kind: 'string-list' },
    default: ['*'],
    doc: 'Origins allowed to call APIs from a browser, such as "https://app.example.com" (scheme, host and port); ["*"] = any origin. Calls from other origins get 403.',
  },
  {
    key: 'apim.cors.allow_methods',
    type: { kind: 'string-list' },
    default: ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS'],
    doc: 'Methods a cross-origin call may use (Access-Control-Allow-Methods); ["*"] = any.',
  },
  {
    key: 'apim.cors.allow_headers',
    type: { kind: 'string-list' },
    default: ['authorization', 'content-type', 'soapaction', 'apikey'],
    doc: 'Request headers a cross-origin call may send (Access-Control-Allow-Headers); ["*"] = any, Authorization included.',
  },
  {
    key: 'apim.cors.allow_credentials',
    type: bool,
    default: false,
    doc: 'Access-Control-Allow-Credentials: browsers may send cookies and HTTP authentication along. Needs allow_origins listed one by one (never with "*").',
  },
  {
    key: 'apim.cors.max_age',
    type: int(0, 86400),
    default: 3600,
    doc: 'Seconds a browser may reuse a preflight answer (Access-Control-Max-Age).',
  },
  {
    key: 'apim.jwt.enable',
    type: bool,
    default: false,
    doc: "The Gateway sends each backend call the caller's identity as a short-lived signed JWT (end user, application, subscriber, tiers, API, key type; WSO2's claims), verifiable with the Gateway's /.well-known/jwks.json. A client-sent header of that name never reaches a backend, on or off.",
  },
  {
    key: 'apim.jwt.header',
    type: str,
    default: 'X-JWT-Assertion',
    doc: 'The request header that carries the backend JWT.',
  },
  {
    key: 'apim.jwt.signing_algorithm',
    type: oneOf('RS256', 'ES256'),
    default: 'RS256',
    doc: 'Signature of the backend JWT: RS256 (RSA 2048, as WSO2) or ES256 (P-256).',
  },
  {
    key: 'apim.jwt.expiry_seconds',
    type: int(60, 3600),
    default: 900,
    doc: "Lifetime of a backend JWT (never beyond the access token's); one is signed per caller and API and reused for half of it.",
  },
  {
    key: 'apim.jwt.key_file',
    type: str,
    default: '',
    doc: 'PEM (PKCS#8) private key that signs backend JWTs; empty = one made at first start in data/gateway/ (mode 0600). Gateways behind one address need the same key.',
  },
  {
    key: 'apim.devportal.enable_anonymous_mode',
    type: bool,
    default: true,
    doc: "Visitors browse the Developer Portal's API catalogue (APIs, resources, scopes, tiers, OpenAPI definitions) without signing in; the admin can still require sign-in at run time. false = sign-in always required, whatever the admin setting says.",
  },
  {
    key: 'apim.throttling.subscription_tiers',
    type: { kind: 'string-list' },
    default: ['Unlimited:0', 'Gold:5000', 'Silver:2000', 'Bronze:1000'],
    doc: 'Subscription tiers as "Name:requests-per-minute" (0 = unlimited), counted per application and API.',
  },
  {
    key: 'apim.throttling.application_policies',
    type: { kind: 'string-list' },
    default: ['Unlimited:0', '50PerMin:50', '20PerMin:20', '10PerMin:10'],
    doc: 'Application throttling policies as "Name:requests-per-minute" (0 = unlimited), counted per application and end user across all APIs; must include "Unlimited", the policy of new applications.',
  },
  {
    key: 'ui.session.idle_timeout',
    type: int(60, 86400),
    default: 1800,
    doc: 'Seconds without activity after which a web UI session (Developer Portal, Admin) ends.',
  },
  {
    key: 'ui.session.absolute_timeout',
    type: int(300, 604800),
    default: 28800,
    doc: 'Seconds after sign-in after which a web UI session ends whatever the activity.',
  },
  {
    key: 'ui.signin.max_attempts_per_ip_per_minute',
    type: int(1, 100000),
    default: 20,
    doc: 'Web UI sign-in attempts per client IP per minute; more answer 429 + Retry-After.',
  },
  {
    key: 'log.level',
    type: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
    default: 'info',
    doc: 'Log level.',
  },
  {
    key: 'log.format',
    type: oneOf('auto', 'json', 'pretty'),
    default: 'auto',
    doc: 'Log lines: "json" (one JSON object a line, for log collectors), "pretty" (human-readable, pino-pretty) or "auto" = pretty when standard output is a terminal, else JSON.',
  },
] as const satisfies readonly Setting[];

export type SettingKey = (typeof SETTINGS)[number]['key'];

/** The value a setting's type holds once checked: what config.ts reads for it. */
type ValueOfType<T> = T extends { kind: 'integer' }
  ? number
  : T extends { kind: 'boolean' }
    ? boolean
    : T extends { kind: 'enum'; values: readonly (infer V)[] }
      ? V
      : T extends { kind: 'string-list'; values: readonly (infer V)[] }
        ? V[]
        : T extends { kind: 'string-list' }
          ? string[]
          : string;

/** The type of the value of setting `K`, from its entry in SETTINGS. */
export type SettingValue<K extends SettingKey> = (typeof SETTINGS)[number] extends infer E
  ? E extends { key: infer EK; type: infer T }
    ? K extends EK
      ? ValueOfType<T>
      : never
    : never
  : never;
