import type { FastifyInstance } from 'fastify';
import type { Config, RuntimeSettings } from '../config/index.js';
import { GRANTS } from '../keymanager/index.js';
import { gatewayUrl } from './gateway-url.js';

/** The URLs of the Code flow: the Key Manager's authorization endpoint, the Gateway's Token API. */
export function codeFlowEndpoints(config: Config): { authorization: string; token: string } {
  return {
    authorization: `${config.token.issuer.replace(/\/+$/, '')}/oauth2/authorize`,
    token: `${gatewayUrl(config)}/token`,
  };
}

/**
 * What the pages need before sign-in: the Token API URL for the curl example, the Gateway's
 * (the API console calls it), whether sign-up is open and visitors may browse the catalogue,
 * and the grant types with their labels (from the grant registry).
 */
export function registerInfoRoutes(
  app: FastifyInstance,
  deps: { config: Config; settings: RuntimeSettings },
): void {
  const gateway = gatewayUrl(deps.config);
  const tokenEndpoint = `${gateway}/token`;
  const grantTypes = GRANTS.map((g) => ({ name: g.name, label: g.label }));
  const authorizationEndpoint = codeFlowEndpoints(deps.config).authorization;
  const schema = {
    summary:
      'Before sign-in: the Token API, Gateway and authorization endpoint URLs, whether self sign-up is open and visitors may browse the catalogue, the grant types (name, label)',
    security: [],
  };
  app.get('/info', { schema }, async () => {
    const settings = await deps.settings.get();
    return {
      tokenEndpoint,
      authorizationEndpoint,
      gatewayUrl: gateway,
      selfSignup: settings.selfSignup,
      anonymousCatalogue: settings.anonymousCatalogue,
      grantTypes,
    };
  });
}
