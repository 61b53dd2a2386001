import type { Config } from './config.js';

/**
 * Settings the admin changes at run time. deployment.toml is the ceiling: a switch the file
 * turns off (`enable = false`) stays off whatever the admin sets; one the file leaves on is the
 * default the admin may change.
 */
export interface RuntimeSettingsValues {
  /** identity.self_signup.enable */
  readonly selfSignup: boolean;
  /** oauth.grant_type.password.enable */
  readonly passwordGrant: boolean;
  /** apim.devportal.enable_anonymous_mode: visitors browse the API catalogue without signing in. */
  readonly anonymousCatalogue: boolean;
}

/** Where runtime settings are kept (the `settings` table): key → JSON value. */
export interface SettingsStore {
  getAll(): Promise<Record<string, string>>;
  put(entries: Record<string, string>, now: number): Promise<void>;
}

/** The admin tried to turn on a switch that deployment.toml turns off. */
export class SettingLockedError extends Error {
  override readonly name = 'SettingLockedError';
  /** As written in deployment.toml, e.g. `[oauth.grant_type.password] enable`. */
  readonly configKey: string;
  constructor(
    readonly setting: keyof RuntimeSettingsValues,
    key: string,
  ) {
    const dot = key.lastIndexOf('.');
    const configKey = `[${key.slice(0, dot)}] ${key.slice(dot + 1)}`;
    super(`${setting} is turned off by ${configKey} = false in deployment.toml`);
    this.configKey = configKey;
  }
}

const KEYS: Record<keyof RuntimeSettingsValues, string> = {
  selfSignup: 'identity.self_signup.enable',
  passwordGrant: 'oauth.grant_type.password.enable',
  anonymousCatalogue: 'apim.devportal.enable_anonymous_mode',
};

/** The names of the runtime settings, in the Admin page's order. */
export const RUNTIME_SETTINGS = Object.keys(KEYS) as readonly (keyof RuntimeSettingsValues)[];

/**
 * Runtime settings over the store. Reads are cached briefly so the token endpoint does not
 * query the database on every request; a local write is seen at once, a write by another
 * node within `cacheMs`.
 */
export function createRuntimeSettings(deps: {
  store: SettingsStore;
  config: Config;
  now?: () => number;
  cacheMs?: number;
}) {
  const now = deps.now ?? Date.now;
  const cacheMs = deps.cacheMs ?? 1000;
  const defaults: RuntimeSettingsValues = {
    selfSignup: deps.config.identity.selfSignup,
    passwordGrant: deps.config.token.enabledGrants.includes('password'),
    anonymousCatalogue: deps.config.ui.anonymousCatalogue,
  };
  // The operator's file wins: what it turns off, no stored setting turns on.
  const lockedByConfig: RuntimeSettingsValues = {
    selfSignup: !defaults.selfSignup,
    passwordGrant: !defaults.passwordGrant,
    anonymousCatalogue: !defaults.anonymousCatalogue,
  };
  let cached: { at: number; values: RuntimeSettingsValues } | undefined;

  async function get(): Promise<RuntimeSettingsValues> {
    const t = now();
    if (cached && t - cached.at < cacheMs) return cached.values;
    const stored = await deps.store.getAll();
    const pick = (name: keyof RuntimeSettingsValues): boolean => {
      const raw = stored[KEYS[name]];
      if (lockedByConfig[name]) return false;
      return raw === undefined ? defaults[name] : JSON.parse(raw) === true;
    };
    const values = {
      selfSignup: pick('selfSignup'),
      passwordGrant: pick('passwordGrant'),
      anonymousCatalogue: pick('anonymousCatalogue'),
    };
    cached = { at: t, values };
    return values;
  }

  return {
    get,
    defaults,
    /** Switches deployment.toml turns off: always false, and turning them on is refused. */
    lockedByConfig,
    /** Stores the changes; throws SettingLockedError (storing nothing) for a switch locked off. */
    async update(changes: Partial<RuntimeSettingsValues>): Promise<RuntimeSettingsValues> {
      const entries: Record<string, string> = {};
      for (const name of RUNTIME_SETTINGS) {
        const v = changes[name];
        if (v === true && lockedByConfig[name]) throw new SettingLockedError(name, KEYS[name]);
        if (v !== undefined) entries[KEYS[name]] = JSON.stringify(v);
      }
      await deps.store.put(entries, now());
      cached = undefined;
      return get();
    },
  };
}

export type RuntimeSettings = ReturnType<typeof createRuntimeSettings>;
