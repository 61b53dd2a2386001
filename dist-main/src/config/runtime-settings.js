/** The admin tried to turn on a switch that deployment.toml turns off. */
export class SettingLockedError extends Error {
    setting;
    name = 'SettingLockedError';
    /** As written in deployment.toml, e.g. `[oauth.grant_type.password] enable`. */
    configKey;
    constructor(setting, key) {
        const dot = key.lastIndexOf('.');
        const configKey = `[${key.slice(0, dot)}] ${key.slice(dot + 1)}`;
        super(`${setting} is turned off by ${configKey} = false in deployment.toml`);
        this.setting = setting;
        this.configKey = configKey;
    }
}
const KEYS = {
    selfSignup: 'identity.self_signup.enable',
    passwordGrant: 'oauth.grant_type.password.enable',
};
/**
 * Runtime settings over the store. Reads are cached briefly so the token endpoint does not
 * query the database on every request; a local write is seen at once, a write by another
 * node within `cacheMs`.
 */
export function createRuntimeSettings(deps) {
    const now = deps.now ?? Date.now;
    const cacheMs = deps.cacheMs ?? 1000;
    const defaults = {
        selfSignup: deps.config.identity.selfSignup,
        passwordGrant: deps.config.token.enabledGrants.includes('password'),
    };
    // The operator's file wins: what it turns off, no stored setting turns on.
    const lockedByConfig = {
        selfSignup: !defaults.selfSignup,
        passwordGrant: !defaults.passwordGrant,
    };
    let cached;
    async function get() {
        const t = now();
        if (cached && t - cached.at < cacheMs)
            return cached.values;
        const stored = await deps.store.getAll();
        const pick = (name) => {
            const raw = stored[KEYS[name]];
            if (lockedByConfig[name])
                return false;
            return raw === undefined ? defaults[name] : JSON.parse(raw) === true;
        };
        const values = { selfSignup: pick('selfSignup'), passwordGrant: pick('passwordGrant') };
        cached = { at: t, values };
        return values;
    }
    return {
        get,
        defaults,
        /** Switches deployment.toml turns off: always false, and turning them on is refused. */
        lockedByConfig,
        /** Stores the changes; throws SettingLockedError (storing nothing) for a switch locked off. */
        async update(changes) {
            const entries = {};
            for (const name of Object.keys(KEYS)) {
                const v = changes[name];
                if (v === true && lockedByConfig[name])
                    throw new SettingLockedError(name, KEYS[name]);
                if (v !== undefined)
                    entries[KEYS[name]] = JSON.stringify(v);
            }
            await deps.store.put(entries, now());
            cached = undefined;
            return get();
        },
    };
}
//# sourceMappingURL=runtime-settings.js.map