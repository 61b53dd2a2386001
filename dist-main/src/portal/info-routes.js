import { GRANTS } from '../keymanager/index.js';
/**
 * What the pages need before sign-in: the Token API URL for the curl example, whether sign-up
 * is open, and the grant types with their labels (from the grant registry).
 */
export function registerInfoRoutes(app, deps) {
    const host = deps.config.hostname.includes(':')
        ? `[${deps.config.hostname}]`
        : deps.config.hostname;
    const tokenEndpoint = `https://${host}:${deps.config.ports.gatewayHttps}/token`;
    const grantTypes = GRANTS.map((g) => ({ name: g.name, label: g.label }));
    const schema = {
        summary: 'Before sign-in: the Token API URL, whether self sign-up is open, the grant types (name, label)',
        security: [],
    };
    app.get('/info', { schema }, async () => ({
        tokenEndpoint,
        selfSignup: (await deps.settings.get()).selfSignup,
        grantTypes,
    }));
}
//# sourceMappingURL=info-routes.js.map