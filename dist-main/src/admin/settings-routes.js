import { SettingLockedError, } from '../config/index.js';
import { badRequest, conflict } from '../http/api-error.js';
import { bool, obj } from '../http/route-schema.js';
const LABELS = {
    selfSignup: 'Self sign-up',
    passwordGrant: 'The password grant',
};
/**
 * Admin: runtime switches (self sign-up, password grant) under deployment.toml's ceiling: a
 * switch the file turns off is reported `…LockedByConfig: true` and cannot be turned on (409).
 */
export function registerSettingsRoutes(app, deps) {
    const { lockedByConfig } = deps.settings;
    const view = async () => ({
        ...(await deps.settings.get()),
        selfSignupLockedByConfig: lockedByConfig.selfSignup,
        passwordGrantLockedByConfig: lockedByConfig.passwordGrant,
        defaults: deps.settings.defaults,
    });
    const read = {
        summary: 'Runtime settings, whether deployment.toml locks each off (selfSignupLockedByConfig, passwordGrantLockedByConfig) and the deployment.toml defaults',
    };
    app.get('/settings', { schema: read }, view);
    const change = {
        summary: 'Turn self sign-up and the password grant on or off (409 to turn on one that deployment.toml turns off)',
        body: obj({ selfSignup: bool, passwordGrant: bool }),
    };
    app.put('/settings', { schema: change }, async (req) => {
        const b = (req.body !== null && typeof req.body === 'object' ? req.body : {});
        const changes = {};
        for (const key of ['selfSignup', 'passwordGrant']) {
            const v = b[key];
            if (v === undefined)
                continue;
            if (typeof v !== 'boolean')
                throw badRequest(`"${key}" must be true or false.`);
            changes[key] = v;
        }
        try {
            await deps.settings.update(changes);
        }
        catch (err) {
            if (!(err instanceof SettingLockedError))
                throw err;
            throw conflict(`${LABELS[err.setting]} is turned off in deployment.toml (${err.configKey} = false) and cannot be turned on here; the operator must change the file and restart.`);
        }
        return view();
    });
}
//# sourceMappingURL=settings-routes.js.map