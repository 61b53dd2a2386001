import { CatalogError } from './errors.js';
import { HTTP_METHODS } from './model.js';
const NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$/;
const CONTEXT = /^(\/[A-Za-z0-9._~-]+)+$/;
const VERSION = /^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$/;
// A path of literal segments and {param} segments, optionally ending in /*.
const TEMPLATE = /^\/$|^(\/([A-Za-z0-9._~-]+|\{[A-Za-z_][A-Za-z0-9_]*\}))*(\/\*)?$/;
const SCOPE = /^[\x21\x23-\x5B\x5D-\x7E]{1,255}$/;
const invalid = (message) => {
    throw new CatalogError('invalid', message);
};
export function checkName(name) {
    if (typeof name !== 'string' || !NAME.test(name))
        invalid('name: 1-100 letters, digits, spaces, dots, underscores or hyphens.');
    return name;
}
/**
 * First path segments the servers answer themselves (Gateway: /token, /revoke, /health;
 * management port: /oauth2, /.well-known, /api, /internal, /metrics, the web UIs and their
 * assets), plus OAuth endpoints Tollgate may add. An API there would shadow them or be
 * shadowed by them. Compared without case.
 */
export const RESERVED_CONTEXTS = [
    'token',
    'revoke',
    'introspect',
    'authorize',
    'userinfo',
    'oauth2',
    '.well-known',
    'api',
    'internal',
    'health',
    'metrics',
    'devportal',
    'publisher',
    'admin',
    'static',
    'favicon.ico',
];
export function checkContext(context) {
    if (typeof context !== 'string' || !CONTEXT.test(context) || context.length > 200) {
        invalid('context: a path such as "/pizzashack" (letters, digits, ".", "_", "~", "-" between slashes).');
    }
    const segments = context.split('/').slice(1);
    // RFC 3986 §3.3: "." and ".." are dot segments; a path made only of dots is refused with them.
    if (segments.some((s) => /^\.+$/.test(s)))
        invalid(`context: "${context}" has a "." or ".." segment; use plain names.`);
    const first = segments[0].toLowerCase();
    if (RESERVED_CONTEXTS.includes(first))
        invalid(`context: "/${segments[0]}" is reserved by Tollgate itself; choose another context.`);
    return context;
}
/** True when one context lies below the other ("/shop" and "/shop/1.0.0/extra"). */
export const nestedContexts = (a, b) => a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
export function checkVersion(version) {
    if (typeof version !== 'string' || !VERSION.test(version))
        invalid('version: such as "1.0.0" (letters, digits, ".", "_", "-").');
    return version;
}
/** Backend URLs: absolute http(s), no credentials, no query or fragment. Empty allowed when `optional`. */
export function checkBackendUrl(field, url, optional) {
    if ((url === undefined || url === '') && optional)
        return '';
    if (typeof url !== 'string')
        return invalid(`${field}: an http(s) URL is required.`);
    let u;
    try {
        u = new URL(url);
    }
    catch {
        return invalid(`${field}: "${url}" is not a URL.`);
    }
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') ||
        u.username ||
        u.password ||
        u.search ||
        u.hash) {
        invalid(`${field}: an http(s) URL without credentials, query or fragment.`);
    }
    return url.replace(/\/+$/, '');
}
export function checkResource(r, i) {
    if (!r || typeof r !== 'object')
        return invalid(`resources[${i}]: an object with method and uriTemplate.`);
    const o = r;
    const method = typeof o['method'] === 'string' ? o['method'].toUpperCase() : '';
    if (!HTTP_METHODS.includes(method))
        invalid(`resources[${i}].method: one of ${HTTP_METHODS.join(', ')}.`);
    const uriTemplate = o['uriTemplate'] ?? o['target'];
    if (typeof uriTemplate !== 'string' || !TEMPLATE.test(uriTemplate) || uriTemplate.length > 500) {
        invalid(`resources[${i}].uriTemplate: a path such as "/menu" or "/order/{orderId}", optionally ending in "/*".`);
    }
    const authRaw = typeof o['authType'] === 'string' ? o['authType'].toLowerCase() : 'oauth';
    const authType = authRaw === 'none'
        ? 'none'
        : authRaw === 'oauth'
            ? 'oauth'
            : invalid(`resources[${i}].authType: "oauth" or "none".`);
    const scopeRaw = o['scope'];
    let scope = null;
    if (scopeRaw !== undefined && scopeRaw !== null && scopeRaw !== '') {
        if (typeof scopeRaw !== 'string' || !SCOPE.test(scopeRaw))
            invalid(`resources[${i}].scope: one scope name.`);
        if (authType === 'none')
            invalid(`resources[${i}]: a resource without authentication cannot require a scope.`);
        scope = scopeRaw;
    }
    return {
        method: method,
        uriTemplate: uriTemplate || '/',
        authType,
        scope,
    };
}
export function checkResources(list) {
    if (!Array.isArray(list))
        return invalid('resources: a list.');
    if (list.length > 500)
        invalid('resources: at most 500.');
    const out = list.map(checkResource);
    const seen = new Set();
    for (const r of out) {
        const k = `${r.method} ${r.uriTemplate}`;
        if (seen.has(k))
            invalid(`resources: "${k}" is listed twice.`);
        seen.add(k);
    }
    return out;
}
/** "GET /menu", "POST /order/{orderId} scope=update", "GET /health auth=none": the CLI's form. */
export function parseResourceSpec(spec, i = 0) {
    const [method, uriTemplate, ...rest] = spec.trim().split(/\s+/);
    const o = { method, uriTemplate };
    for (const part of rest) {
        const [k, v] = part.split('=', 2);
        if (k === 'scope')
            o['scope'] = v;
        else if (k === 'auth')
            o['authType'] = v;
        else
            invalid(`resource "${spec}": unknown option "${part}" (scope=NAME, auth=oauth|none).`);
    }
    return checkResource(o, i);
}
//# sourceMappingURL=validate.js.map