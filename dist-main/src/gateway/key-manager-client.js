import { lazyAgent, undici } from './lazy-undici.js';
const PASS_BACK = [
    'content-type',
    'cache-control',
    'pragma',
    'www-authenticate',
    'retry-after',
    'allow',
];
/**
 * How the Gateway reaches a Key Manager that runs elsewhere ([apim.key_manager]
 * configuration.ServerURL): plain HTTPS, never an import of the key manager's code.
 */
export function createKeyManagerClient(opts) {
    const timeout = opts.timeoutMs ?? 10_000;
    const agent = lazyAgent({
        connect: { ca: [...opts.ca], rejectUnauthorized: true },
        headersTimeout: timeout,
        bodyTimeout: timeout,
        keepAliveTimeout: 30_000,
    });
    const base = opts.serverUrl.replace(/\/+$/, '');
    return {
        /** Forwards a Token API request as received; the Key Manager does all the checking. */
        async forward(path, headers, body) {
            const out = {};
            for (const [k, v] of Object.entries(headers))
                if (v !== undefined)
                    out[k] = v;
            const res = await (await undici()).request(`${base}${path}`, {
                method: 'POST',
                headers: out,
                body: body ?? null,
                dispatcher: await agent.get(),
            });
            const buf = Buffer.from(await res.body.arrayBuffer());
            const back = {};
            for (const name of PASS_BACK) {
                const v = res.headers[name];
                if (typeof v === 'string')
                    back[name] = v;
            }
            return { status: res.statusCode, headers: back, body: buf };
        },
        close: () => agent.close(),
    };
}
//# sourceMappingURL=key-manager-client.js.map