import type { FastifyInstance, preHandlerHookHandler } from 'fastify';
import type { UserService } from '../identity/index.js';
import type { FailedLoginCounter } from './failed-logins.js';
import type { StatisticsStore } from './statistics-store.js';

const DAY_MS = 86_400_000;

/** Admin: registered users per application, tokens per grant type per day, failed logins per hour. */
export function registerStatisticsRoutes(app: FastifyInstance, deps: {
  statistics: StatisticsStore; users: UserService; failedLogins: FailedLoginCounter; auth: preHandlerHookHandler; now: () => number;
}): void {
  app.get('/api/admin/v1/statistics', { preHandler: deps.auth }, async (req) => {
    const days = Math.min(365, Math.max(1, Number((req.query as { days?: string }).days ?? 30) || 30));
    const since = (Math.floor(deps.now() / DAY_MS) - days + 1) * DAY_MS;
    const owners = new Map((await deps.users.list()).map((u) => [u.id, u.username]));
    const apps = await deps.statistics.registeredUsersPerApplication();
    return {
      days,
      registeredUsersPerApplication: apps.map((a) => ({
        applicationId: a.applicationId, applicationName: a.applicationName, owner: owners.get(a.ownerId) ?? '',
        registeredUsers: a.registeredUsers, passwordTokens: a.passwordTokens,
      })),
      tokensPerGrantType: (await deps.statistics.issuancePerDay(since)).map((d) => ({ day: d.day, grantType: d.grantType, tokens: d.tokens })),
      failedLogins: deps.failedLogins.hourly(24),
    };
  });
}
