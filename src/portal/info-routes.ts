import type { FastifyInstance } from 'fastify';
import type { Config, RuntimeSettings } from '../config/index.js';
import { GRANTS } from '../keymanager/index.js';
import { gatewayUrl } from './gateway-url.js';

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
  const schema = {
    summary:
      'Before sign-in: the Token API and Gateway URLs, whether self sign-up is open and visitors may browse the catalogue, the grant types (name, label)',
    security: [],
  };
  app.get('/info', { schema }, async () => {
    const settings = await deps.settings.get();
    return {
      tokenEndpoint,
      gatewayUrl: gateway,
      selfSignup: settings.selfSignup,
      anonymousCatalogue: settings.anonymousCatalogue,
      grantTypes,
    };
  });
}
