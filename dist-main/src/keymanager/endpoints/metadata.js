/** RFC 8414 §2 authorization server metadata. */
export function metadataDocument(config, scopes) {
    const base = config.issuer.replace(/\/+$/, '');
    const authMethods = ['client_secret_basic', 'client_secret_post'];
    return {
        issuer: config.issuer,
        token_endpoint: `${base}/oauth2/token`,
        jwks_uri: `${base}/oauth2/jwks`,
        revocation_endpoint: `${base}/oauth2/revoke`,
        introspection_endpoint: `${base}/oauth2/introspect`,
        // No authorization endpoint yet: password, client credentials and refresh only.
        response_types_supported: [],
        grant_types_supported: config.enabledGrants,
        token_endpoint_auth_methods_supported: authMethods,
        revocation_endpoint_auth_methods_supported: authMethods,
        introspection_endpoint_auth_methods_supported: authMethods,
        scopes_supported: ['default', ...scopes],
    };
}
//# sourceMappingURL=metadata.js.map