import type { FastifyInstance } from 'fastify';
import type { Config, RuntimeSettings } from '../config/index.js';

/** What the Developer Portal shows before sign-in: the Token API URL for the curl example, whether sign-up is open. */
export function registerInfoRoutes(
  app: FastifyInstance,
  deps: { config: Config; settings: RuntimeSettings },
): void {
  const host = deps.config.hostname.includes(':')
    ? `[${deps.config.hostname}]`
    : deps.config.hostname;
  const tokenEndpoint = `https://${host}:${deps.config.ports.gatewayHttps}/token`;
  app.get('/info', async () => ({
    tokenEndpoint,
    selfSignup: (await deps.settings.get()).selfSignup,
  }));
}
