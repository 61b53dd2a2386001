/** The control plane in the same process (all-in-one): the same answers, without HTTP. */
export function createLocalControlPlane(build, km) {
    return {
        async snapshot(etag) {
            const next = await build();
            return next.etag === etag ? undefined : { etag: next.etag, snapshot: next.snapshot };
        },
        introspect: (token) => km.introspectForGateway(token),
        jwks: async () => km.jwks(),
        close: async () => { },
    };
}
//# sourceMappingURL=local-control-plane.js.map