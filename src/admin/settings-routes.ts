import type { FastifyInstance, preHandlerHookHandler } from 'fastify';
import type { RuntimeSettings, RuntimeSettingsValues } from '../config/index.js';
import { badRequest } from '../http/api-error.js';

/** Admin: runtime switches (self sign-up, password grant), each overriding deployment.toml. */
export function registerSettingsRoutes(app: FastifyInstance, deps: { settings: RuntimeSettings; auth: preHandlerHookHandler }): void {
  const view = async () => ({ ...(await deps.settings.get()), defaults: deps.settings.defaults });
  app.get('/api/admin/v1/settings', { preHandler: deps.auth }, view);
  app.put('/api/admin/v1/settings', { preHandler: deps.auth }, async (req) => {
    const b = (req.body !== null && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
    const changes: { -readonly [K in keyof RuntimeSettingsValues]?: boolean } = {};
    for (const key of ['selfSignup', 'passwordGrant'] as const) {
      const v = b[key];
      if (v === undefined) continue;
      if (typeof v !== 'boolean') throw badRequest(`"${key}" must be true or false.`);
      changes[key] = v;
    }
    await deps.settings.update(changes);
    return view();
  });
}
