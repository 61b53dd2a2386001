import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { settleSockets } from './settle.js';
import { createServices, startTollgate, } from '../../src/compose/index.js';
import { loadConfig } from '../../src/config/index.js';
import { createTestDatabase } from '../../src/store/testing.js';
let nextOffset = 100 + (process.pid % 80) * 10;
/** A real Tollgate on loopback (own home dir, own ports via [server] offset, real TLS). */
export async function startTestServer(opts = {}) {
    const home = mkdtempSync(join(tmpdir(), 'tollgate-test-'));
    const database = await createTestDatabase(opts.db ?? 'sqlite');
    process.env['TOLLGATE_ADMIN_PASSWORD'] ??= 'Admin-Password-For-Tests';
    let lastError;
    for (let attempt = 0; attempt < 5; attempt++) {
        const offset = (nextOffset += 3);
        const config = loadConfig(home, {
            'server.offset': offset,
            'server.bind_address': '127.0.0.1',
            'log.level': 'silent',
            'database.type': database.config.type,
            'database.path': database.config.path,
            'database.url': database.config.url,
            ...opts.settings,
        });
        let running;
        try {
            running = await startTollgate(config, opts.profile ?? 'all', () => { }, opts.now ? { now: opts.now } : {});
        }
        catch (err) {
            if (err.code === 'EADDRINUSE') {
                lastError = err;
                continue;
            }
            throw err;
        }
        const services = await createServices(config, opts.now ? { now: opts.now } : {});
        const cert = readFileSync(join(home, 'data', 'tls', 'cert.pem'), 'utf8');
        const dispatcher = new Agent({ connect: { ca: cert } });
        return {
            config,
            services,
            home,
            dispatcher,
            database,
            gateway: `https://localhost:${config.ports.gatewayHttps}`,
            gatewayHttp: `http://localhost:${config.ports.gatewayHttp}`,
            management: `https://localhost:${config.ports.management}`,
            async close() {
                await running.close();
                await services.close();
                await dispatcher.close();
                await database.drop();
                rmSync(home, { recursive: true, force: true });
            },
        };
    }
    throw lastError;
}
export async function call(server, url, init = {}) {
    await settleSockets();
    const res = await request(url, {
        method: (init.method ?? 'GET'),
        headers: init.headers ?? {},
        body: init.body ?? null,
        dispatcher: server.dispatcher,
    });
    const text = await res.body.text();
    const headers = {};
    for (const [k, v] of Object.entries(res.headers))
        headers[k] = Array.isArray(v) ? v.join(', ') : String(v);
    let json;
    try {
        json = text ? JSON.parse(text) : undefined;
    }
    catch {
        json = undefined;
    }
    return { status: res.statusCode, headers, text, json };
}
export const basic = (id, secret) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
/** POSTs a form as the README's curl does. */
export function postForm(server, url, form, headers = {}) {
    const body = typeof form === 'string' ? form : new URLSearchParams(form).toString();
    return call(server, url, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
}
/** A user with roles, an application they own and its production keys. */
export async function createFixture(server, opts = {}) {
    const s = server.services;
    const username = opts.username ?? `user${Math.random().toString(36).slice(2, 8)}`;
    const password = opts.password ?? 'correct horse battery';
    const user = (await s.users.find(username)) ??
        (await s.users.create({ username, password, roles: opts.roles ?? [] }));
    const app = await s.applications.create({
        name: opts.appName ?? `app-${Math.random().toString(36).slice(2, 8)}`,
        ownerId: user.id,
        ...(opts.tokenType ? { tokenType: opts.tokenType } : {}),
        ...(opts.grantTypes ? { grantTypes: opts.grantTypes } : {}),
    });
    const keys = await s.applications.generateKeys(app, opts.env ?? 'production');
    return {
        username,
        password,
        consumerKey: keys.consumerKey,
        consumerSecret: keys.consumerSecret,
        authorization: basic(keys.consumerKey, keys.consumerSecret),
    };
}
//# sourceMappingURL=tollgate.js.map