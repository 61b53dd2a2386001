import type { FastifyInstance } from 'fastify';
import type { Config, RuntimeSettings } from '../config/index.js';
import { GRANTS } from '../keymanager/index.js';

/** The URLs of the Code flow: the Key Manager's authorization endpoint, the Gateway's Token API. */
export function codeFlowEndpoints(config: Config): { authorization: string; token: string } {
  const host = config.hostname.includes(':') ? `[${config.hostname}]` : config.hostname;
  return {
    authorization: `${config.token.issuer.replace(/\/+$/, '')}/oauth2/authorize`,
    token: `https://${host}:${config.ports.gatewayHttps}/token`,
  };
}

/**
 * What the pages need before sign-in: the Token API URL for the curl example, whether sign-up
 * is open, and the grant types with their labels (from the grant registry).
 */
export function registerInfoRoutes(
  app: FastifyInstance,
  deps: { config: Config; settings: RuntimeSettings },
): void {
  const host = deps.config.hostname.includes(':')
    ? `[${deps.config.hostname}]`
    : deps.config.hostname;
  const tokenEndpoint = `https://${host}:${deps.config.ports.gatewayHttps}/token`;
  const grantTypes = GRANTS.map((g) => ({ name: g.name, label: g.label }));
  const authorizationEndpoint = codeFlowEndpoints(deps.config).authorization;
  const schema = {
    summary:
      'Before sign-in: the Token API and authorization endpoint URLs, whether self sign-up is open, the grant types (name, label)',
    security: [],
  };
  app.get('/info', { schema }, async () => ({
    tokenEndpoint,
    authorizationEndpoint,
    selfSignup: (await deps.settings.get()).selfSignup,
    grantTypes,
  }));
}
