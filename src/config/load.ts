import { readFileSync, existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parse } from 'smol-toml';
import { SETTINGS, type Setting } from './schema.js';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Flat = Map<string, unknown>;

function flatten(prefix: string, value: unknown, out: Flat): void {
  if (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !(value instanceof Date)
  ) {
    for (const [k, v] of Object.entries(value)) flatten(prefix ? `${prefix}.${k}` : k, v, out);
  } else {
    out.set(prefix, value);
  }
}

function check(setting: Setting, value: unknown, file: string): unknown {
  const where = `${file}: ${setting.key}`;
  const t = setting.type;
  switch (t.kind) {
    case 'string':
      if (typeof value !== 'string') throw new ConfigError(`${where} must be a string`);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw new ConfigError(`${where} must be true or false`);
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
        throw new ConfigError(
          `${where} must be one of ${t.values.map((v) => `"${v}"`).join(', ')}`,
        );
      }
      return value;
    case 'string-list':
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        throw new ConfigError(`${where} must be a list of strings`);
      }
      if (t.values) {
        const bad = value.find((v) => !t.values!.includes(v as string));
        if (bad !== undefined)
          throw new ConfigError(
            `${where}: unknown value "${bad}" (allowed: ${t.values.join(', ')})`,
          );
      }
      return Object.freeze([...value]);
  }
}

/** Reads conf/deployment.toml (if present) and returns every setting, validated, by dotted key. */
export function readSettings(
  home: string,
  overrides: Record<string, unknown> = {},
): Map<string, unknown> {
  const file = join(home, 'conf', 'deployment.toml');
  const flat: Flat = new Map();
  if (existsSync(file)) {
    let doc: unknown;
    try {
      doc = parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new ConfigError(`${file}: ${(err as Error).message.split('\n')[0]}`);
    }
    flatten('', doc, flat);
  }
  for (const [k, v] of Object.entries(overrides)) flat.set(k, v);
  const known = new Map<string, Setting>(SETTINGS.map((s) => [s.key, s]));
  for (const key of flat.keys()) {
    if (!known.has(key)) throw new ConfigError(`${file}: unknown key "${key}"`);
  }
  const values = new Map<string, unknown>();
  for (const setting of known.values()) {
    values.set(
      setting.key,
      flat.has(setting.key) ? check(setting, flat.get(setting.key), file) : setting.default,
    );
  }
  return values;
}

export function resolvePath(home: string, p: string): string {
  return isAbsolute(p) ? p : join(home, p);
}
