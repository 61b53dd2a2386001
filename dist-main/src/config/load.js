import { readFileSync, existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parse } from 'smol-toml';
import { SETTINGS } from './schema.js';
export class ConfigError extends Error {
    name = 'ConfigError';
}
function flatten(prefix, value, out) {
    if (value !== null &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        !(value instanceof Date)) {
        for (const [k, v] of Object.entries(value))
            flatten(prefix ? `${prefix}.${k}` : k, v, out);
    }
    else {
        out.set(prefix, value);
    }
}
function check(setting, value, file) {
    const where = `${file}: ${setting.key}`;
    const t = setting.type;
    switch (t.kind) {
        case 'string':
            if (typeof value !== 'string')
                throw new ConfigError(`${where} must be a string`);
            return value;
        case 'boolean':
            if (typeof value !== 'boolean')
                throw new ConfigError(`${where} must be true or false`);
            return value;
        case 'integer': {
            const n = typeof value === 'bigint' ? Number(value) : value;
            if (typeof n !== 'number' || !Number.isInteger(n))
                throw new ConfigError(`${where} must be an integer`);
            if (n < t.min || n > t.max)
                throw new ConfigError(`${where} must be between ${t.min} and ${t.max}`);
            return n;
        }
        case 'enum':
            if (typeof value !== 'string' || !t.values.includes(value)) {
                throw new ConfigError(`${where} must be one of ${t.values.map((v) => `"${v}"`).join(', ')}`);
            }
            return value;
        case 'string-list':
            if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
                throw new ConfigError(`${where} must be a list of strings`);
            }
            if (t.values) {
                const bad = value.find((v) => !t.values.includes(v));
                if (bad !== undefined)
                    throw new ConfigError(`${where}: unknown value "${bad}" (allowed: ${t.values.join(', ')})`);
            }
            return Object.freeze([...value]);
    }
}
/** Reads conf/deployment.toml (if present) and returns every setting, validated, by dotted key. */
export function readSettings(home, overrides = {}) {
    const file = join(home, 'conf', 'deployment.toml');
    const flat = new Map();
    if (existsSync(file)) {
        let doc;
        try {
            doc = parse(readFileSync(file, 'utf8'));
        }
        catch (err) {
            throw new ConfigError(`${file}: ${err.message.split('\n')[0]}`);
        }
        flatten('', doc, flat);
    }
    for (const [k, v] of Object.entries(overrides))
        flat.set(k, v);
    const known = new Map(SETTINGS.map((s) => [s.key, s]));
    for (const key of flat.keys()) {
        if (!known.has(key))
            throw new ConfigError(`${file}: unknown key "${key}"`);
    }
    const values = new Map();
    for (const setting of known.values()) {
        values.set(setting.key, flat.has(setting.key) ? check(setting, flat.get(setting.key), file) : setting.default);
    }
    return values;
}
export function resolvePath(home, p) {
    return isAbsolute(p) ? p : join(home, p);
}
//# sourceMappingURL=load.js.map