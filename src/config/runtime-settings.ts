import type { Config } from './config.js';

/** Settings the admin changes at run time; each overrides its deployment.toml default. */
export interface RuntimeSettingsValues {
  /** identity.self_signup.enable */
  readonly selfSignup: boolean;
  /** oauth.grant_type.password.enable */
  readonly passwordGrant: boolean;
}

/** Where runtime settings are kept (the `settings` table): key → JSON value. */
export interface SettingsStore {
  getAll(): Promise<Record<string, string>>;
  put(entries: Record<string, string>, now: number): Promise<void>;
}

const KEYS: Record<keyof RuntimeSettingsValues, string> = {
  selfSignup: 'identity.self_signup.enable',
  passwordGrant: 'oauth.grant_type.password.enable',
};

/**
 * Runtime settings over the store. Reads are cached briefly so the token endpoint does not
 * query the database on every request; a local write is seen at once, a write by another
 * node within `cacheMs`.
 */
export function createRuntimeSettings(deps: { store: SettingsStore; config: Config; now?: () => number; cacheMs?: number }) {
  const now = deps.now ?? Date.now;
  const cacheMs = deps.cacheMs ?? 1000;
  const defaults: RuntimeSettingsValues = {
    selfSignup: deps.config.identity.selfSignup,
    passwordGrant: deps.config.token.enabledGrants.includes('password'),
  };
  let cached: { at: number; values: RuntimeSettingsValues } | undefined;

  async function get(): Promise<RuntimeSettingsValues> {
    const t = now();
    if (cached && t - cached.at < cacheMs) return cached.values;
    const stored = await deps.store.getAll();
    const pick = (name: keyof RuntimeSettingsValues): boolean => {
      const raw = stored[KEYS[name]];
      return raw === undefined ? defaults[name] : JSON.parse(raw) === true;
    };
    const values = { selfSignup: pick('selfSignup'), passwordGrant: pick('passwordGrant') };
    cached = { at: t, values };
    return values;
  }

  return {
    get,
    defaults,
    async update(changes: Partial<RuntimeSettingsValues>): Promise<RuntimeSettingsValues> {
      const entries: Record<string, string> = {};
      for (const name of Object.keys(KEYS) as (keyof RuntimeSettingsValues)[]) {
        const v = changes[name];
        if (v !== undefined) entries[KEYS[name]] = JSON.stringify(v);
      }
      await deps.store.put(entries, now());
      cached = undefined;
      return get();
    },
  };
}

export type RuntimeSettings = ReturnType<typeof createRuntimeSettings>;
