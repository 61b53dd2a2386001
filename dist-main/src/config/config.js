import { isIP } from 'node:net';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { checkCorsSettings } from './cors.js';
import { ConfigError, readSettings, resolvePath } from './load.js';
import { GRANT_TYPES } from './grant-types.js';
function parseTiers(key, list) {
    const tiers = list.map((entry) => {
        const m = /^([A-Za-z0-9][A-Za-z0-9_-]{0,63}):(\d{1,9})$/.exec(entry);
        if (!m)
            throw new ConfigError(`${key}: "${entry}" must look like "Gold:5000" (name:requests-per-minute, 0 = unlimited)`);
        const n = Number(m[2]);
        return { name: m[1], requestsPerMinute: n === 0 ? null : n };
    });
    if (tiers.length === 0)
        throw new ConfigError(`${key}: at least one policy is required`);
    if (new Set(tiers.map((t) => t.name)).size !== tiers.length)
        throw new ConfigError(`${key}: policy names must be unique`);
    return tiers;
}
/** New applications get "Unlimited" (WSO2's default), so the list must keep a policy of that name. */
function parseApplicationPolicies(list) {
    const policies = parseTiers('apim.throttling.application_policies', list);
    if (!policies.some((p) => p.name === 'Unlimited')) {
        throw new ConfigError('apim.throttling.application_policies: a policy named "Unlimited" is required (the policy of new applications)');
    }
    return policies;
}
function checkSecret(secret) {
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
function headerName(name) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
        throw new ConfigError(`apim.jwt.header: "${name}" is not an HTTP header name`);
    const lower = name.toLowerCase();
    if (RESERVED_HEADERS.has(lower) || lower.startsWith('x-forwarded-'))
        throw new ConfigError(`apim.jwt.header: "${name}" is a header HTTP or the Gateway already uses`);
    return lower;
}
/** [apim.cors], checked like an API's own CORS settings. */
function gatewayCors(get, file) {
    try {
        return checkCorsSettings({
            enabled: get('apim.cors.enable'),
            allowOrigins: get('apim.cors.allow_origins'),
            allowMethods: get('apim.cors.allow_methods'),
            allowHeaders: get('apim.cors.allow_headers'),
            allowCredentials: get('apim.cors.allow_credentials'),
            maxAgeSeconds: get('apim.cors.max_age'),
        }, {
            enabled: 'apim.cors.enable',
            allowOrigins: 'apim.cors.allow_origins',
            allowMethods: 'apim.cors.allow_methods',
            allowHeaders: 'apim.cors.allow_headers',
            allowCredentials: 'apim.cors.allow_credentials',
            maxAgeSeconds: 'apim.cors.max_age',
        });
    }
    catch (err) {
        throw new ConfigError(`${file}: ${err.message}`);
    }
}
function deepFreeze(o) {
    if (o && typeof o === 'object') {
        for (const v of Object.values(o))
            deepFreeze(v);
        Object.freeze(o);
    }
    return o;
}
/** `[server] trusted_proxies`: each an IP address or CIDR, checked at start-up (R24). */
function trustedProxies(list, file) {
    for (const entry of list) {
        const [addr, prefix, extra] = entry.split('/');
        const family = isIP(addr ?? '');
        const bits = family === 4 ? 32 : 128;
        const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
        if (family === 0 || !prefixOk || extra !== undefined) {
            throw new ConfigError(`${file}: server.trusted_proxies: "${entry}" is not an IP address or CIDR`);
        }
    }
    return list;
}
/** Loads <home>/conf/deployment.toml into one frozen, typed object. */
export function loadConfig(home, overrides = {}) {
    const s = readSettings(home, overrides);
    // readSettings checked every value against its schema entry, so each has its entry's type.
    const get = (key) => s.get(key);
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
        ports,
        transport: {
            certFile: get('transport.https.cert_file') && resolvePath(home, get('transport.https.cert_file')),
            keyFile: get('transport.https.key_file') && resolvePath(home, get('transport.https.key_file')),
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
                maxConcurrent: get('identity.password_hashing.max_concurrent') || cpus().length,
                maxQueued: get('identity.password_hashing.max_queued'),
                nice: get('identity.password_hashing.nice'),
            },
            lockout: {
                enabled: get('identity.account_locking.enable'),
                maxFailedAttempts: get('identity.account_locking.max_failed_attempts'),
                lockMs: get('identity.account_locking.lock_seconds') * 1000,
                incrementFactor: get('identity.account_locking.increment_factor'),
                maxLockMs: Math.max(get('identity.account_locking.max_lock_seconds'), get('identity.account_locking.lock_seconds')) * 1000,
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
                algorithm: get('apim.jwt.signing_algorithm'),
                expirySeconds: get('apim.jwt.expiry_seconds'),
                keyFile: resolvePath(home, get('apim.jwt.key_file') || join('data', 'gateway', 'backend-jwt-key.pem')),
                issuer: `https://${host}:${ports.gatewayHttps}`,
            },
        },
        tiers: parseTiers('apim.throttling.subscription_tiers', get('apim.throttling.subscription_tiers')),
        applicationPolicies: parseApplicationPolicies(get('apim.throttling.application_policies')),
        cleanup: {
            enabled: get('oauth.token_cleanup.enable'),
            intervalSeconds: get('oauth.token_cleanup.interval_seconds'),
            retainExpiredSeconds: get('oauth.token_cleanup.retain_expired_seconds'),
            auditRetentionDays: get('audit.retention_days'),
        },
        protection: {
            trustedProxies: trustedProxies(get('server.trusted_proxies'), join(home, 'conf', 'deployment.toml')),
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
        },
        logLevel: get('log.level'),
    });
}
//# sourceMappingURL=config.js.map