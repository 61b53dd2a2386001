import { checkCorsSettings, DEFAULT_CORS } from '../config/index.js';
import { CatalogError } from './errors.js';
const NAMES = {
    enabled: 'corsConfiguration.corsConfigurationEnabled',
    allowOrigins: 'corsConfiguration.accessControlAllowOrigins',
    allowMethods: 'corsConfiguration.accessControlAllowMethods',
    allowHeaders: 'corsConfiguration.accessControlAllowHeaders',
    allowCredentials: 'corsConfiguration.accessControlAllowCredentials',
    maxAgeSeconds: 'corsConfiguration.accessControlMaxAge',
};
/** JSON Schema of corsConfiguration (Publisher route schemas; an unknown field is refused by corsFromInput). */
export const CORS_CONFIGURATION_SCHEMA = {
    type: ['object', 'null'],
    description: "The API's own CORS settings; null: the Gateway's [apim.cors]. Absent fields take [apim.cors]'s defaults.",
    properties: {
        corsConfigurationEnabled: { type: 'boolean' },
        accessControlAllowOrigins: { type: 'array', items: { type: 'string' } },
        accessControlAllowCredentials: { type: 'boolean' },
        accessControlAllowHeaders: { type: 'array', items: { type: 'string' } },
        accessControlAllowMethods: { type: 'array', items: { type: 'string' } },
        accessControlMaxAge: { type: 'integer', minimum: 0, maximum: 86400 },
    },
};
const invalid = (message) => {
    throw new CatalogError('invalid', message);
};
function bool(o, key, fallback) {
    const v = o[key];
    if (v === undefined)
        return fallback;
    return typeof v === 'boolean' ? v : invalid(`corsConfiguration.${key}: true or false.`);
}
function strings(o, key, fallback) {
    const v = o[key];
    if (v === undefined)
        return [...fallback];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
        return invalid(`corsConfiguration.${key}: a list of strings.`);
    return v;
}
/** The settings a Publisher request asks for: null for the Gateway's, or complete checked settings. */
export function corsFromInput(input) {
    if (input === null)
        return null;
    if (typeof input !== 'object' || Array.isArray(input))
        return invalid('corsConfiguration: an object, or null for the Gateway defaults.');
    const o = input;
    const unknown = Object.keys(o).find((k) => !(k in CORS_CONFIGURATION_SCHEMA.properties));
    if (unknown)
        invalid(`corsConfiguration.${unknown}: unknown field.`);
    const maxAge = o['accessControlMaxAge'] ?? DEFAULT_CORS.maxAgeSeconds;
    try {
        return checkCorsSettings({
            enabled: bool(o, 'corsConfigurationEnabled', true),
            allowOrigins: strings(o, 'accessControlAllowOrigins', DEFAULT_CORS.allowOrigins),
            allowMethods: strings(o, 'accessControlAllowMethods', DEFAULT_CORS.allowMethods),
            allowHeaders: strings(o, 'accessControlAllowHeaders', DEFAULT_CORS.allowHeaders),
            allowCredentials: bool(o, 'accessControlAllowCredentials', false),
            maxAgeSeconds: typeof maxAge === 'number' ? maxAge : NaN,
        }, NAMES);
    }
    catch (err) {
        if (err instanceof CatalogError)
            throw err;
        return invalid(`${err.message}.`);
    }
}
/** The settings as the Publisher REST API shows them. */
export function corsView(cors) {
    if (cors === null)
        return null;
    return {
        corsConfigurationEnabled: cors.enabled,
        accessControlAllowOrigins: cors.allowOrigins,
        accessControlAllowCredentials: cors.allowCredentials,
        accessControlAllowHeaders: cors.allowHeaders,
        accessControlAllowMethods: cors.allowMethods,
        accessControlMaxAge: cors.maxAgeSeconds,
    };
}
//# sourceMappingURL=cors.js.map