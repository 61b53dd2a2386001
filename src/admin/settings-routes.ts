import type { FastifyInstance } from 'fastify';
import {
  RUNTIME_SETTINGS,
  SettingLockedError,
  type RuntimeSettings,
  type RuntimeSettingsValues,
} from '../config/index.js';
import { badRequest, conflict } from '../http/api-error.js';
import { bool, obj } from '../http/route-schema.js';

const LABELS: Record<keyof RuntimeSettingsValues, string> = {
  selfSignup: 'Self sign-up',
  passwordGrant: 'The password grant',
  anonymousCatalogue: 'Browsing the API catalogue without signing in',
};

/**
 * Admin: runtime switches (self sign-up, password grant, anonymous catalogue) under deployment.toml's ceiling: a
 * switch the file turns off is reported `…LockedByConfig: true` and cannot be turned on (409).
 */
export function registerSettingsRoutes(
  app: FastifyInstance,
  deps: { settings: RuntimeSettings },
): void {
  const { lockedByConfig } = deps.settings;
  const view = async () => ({
    ...(await deps.settings.get()),
    selfSignupLockedByConfig: lockedByConfig.selfSignup,
    passwordGrantLockedByConfig: lockedByConfig.passwordGrant,
    anonymousCatalogueLockedByConfig: lockedByConfig.anonymousCatalogue,
    defaults: deps.settings.defaults,
  });
  const read = {
    summary:
      'Runtime settings (selfSignup, passwordGrant, anonymousCatalogue: visitors browse the Developer Portal catalogue), whether deployment.toml locks each off (…LockedByConfig) and the deployment.toml defaults',
  };
  app.get('/settings', { schema: read }, view);
  const change = {
    summary:
      'Turn self sign-up, the password grant, and browsing the catalogue without signing in on or off (409 to turn on one that deployment.toml turns off)',
    body: obj({ selfSignup: bool, passwordGrant: bool, anonymousCatalogue: bool }),
  };
  app.put('/settings', { schema: change }, async (req) => {
    const b = (req.body !== null && typeof req.body === 'object' ? req.body : {}) as Record<
      string,
      unknown
    >;
    const changes: { -readonly [K in keyof RuntimeSettingsValues]?: boolean } = {};
    for (const key of RUNTIME_SETTINGS) {
      const v = b[key];
      if (v === undefined) continue;
      if (typeof v !== 'boolean') throw badRequest(`"${key}" must be true or false.`);
      changes[key] = v;
    }
    try {
      await deps.settings.update(changes);
    } catch (err) {
      if (!(err instanceof SettingLockedError)) throw err;
      throw conflict(
        `${LABELS[err.setting]} is turned off in deployment.toml (${err.configKey} = false) and cannot be turned on here; the operator must change the file and restart.`,
      );
    }
    return view();
  });
}
