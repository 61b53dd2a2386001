import { lazyAgent, undici } from './lazy-undici.js';
async function expectJson(res, what) {
    if (res.statusCode !== 200) {
        await res.body.dump();
        throw new Error(`${what}: the control plane answered HTTP ${res.statusCode}`);
    }
    return res.body.json();
}
/** The control plane over HTTPS, for a Gateway running in its own process. */
export function createControlPlaneClient(opts) {
    const timeout = opts.timeoutMs ?? 5_000;
    const agent = lazyAgent({
        connect: { ca: [...opts.ca], rejectUnauthorized: true, timeout },
        headersTimeout: timeout,
        bodyTimeout: timeout,
        keepAliveTimeout: 30_000,
    });
    const base = opts.serverUrl.replace(/\/+$/, '');
    const auth = { authorization: `Bearer ${opts.sharedSecret}` };
    return {
        async snapshot(etag) {
            const res = await (await undici()).request(`${base}/internal/gateway/v1/snapshot`, {
                headers: { ...auth, ...(etag ? { 'if-none-match': etag } : {}) },
                dispatcher: await agent.get(),
            });
            if (res.statusCode === 304) {
                await res.body.dump();
                return undefined;
            }
            const snapshot = (await expectJson(res, 'snapshot'));
            const tag = res.headers['etag'];
            return { etag: typeof tag === 'string' ? tag : '', snapshot };
        },
        async introspect(token) {
            const res = await (await undici()).request(`${base}/internal/gateway/v1/introspect`, {
                method: 'POST',
                headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
                body: new URLSearchParams({ token }).toString(),
                dispatcher: await agent.get(),
            });
            return (await expectJson(res, 'introspection'));
        },
        async jwks() {
            const res = await (await undici()).request(`${base}/oauth2/jwks`, { dispatcher: await agent.get() });
            return (await expectJson(res, 'jwks'));
        },
        close: () => agent.close(),
    };
}
//# sourceMappingURL=control-plane-client.js.map