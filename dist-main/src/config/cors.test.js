import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkCorsSettings, DEFAULT_CORS } from './cors.js';
import { ConfigError, loadConfig } from './index.js';
const NAMES = {
    enabled: 'enable',
    allowOrigins: 'allow_origins',
    allowMethods: 'allow_methods',
    allowHeaders: 'allow_headers',
    allowCredentials: 'allow_credentials',
    maxAgeSeconds: 'max_age',
};
const check = (s) => checkCorsSettings({ ...DEFAULT_CORS, ...s }, NAMES);
describe('CORS settings', () => {
    it('normalises origins, methods and headers', () => {
        const s = check({
            allowOrigins: ['https://App.Example.com', 'http://127.0.0.1:8080'],
            allowMethods: ['get', 'POST'],
            allowHeaders: ['Authorization', 'X-Trace'],
        });
        assert.deepEqual(s.allowOrigins, ['https://app.example.com', 'http://127.0.0.1:8080']);
        assert.deepEqual(s.allowMethods, ['GET', 'POST']);
        assert.deepEqual(s.allowHeaders, ['authorization', 'x-trace']);
    });
    it('refuses origins with a path, another scheme, or "*" among others', () => {
        for (const allowOrigins of [
            ['https://a.example/'],
            ['ftp://a.example'],
            ['a.example'],
            ['*', 'https://a.example'],
        ])
            assert.throws(() => check({ allowOrigins }), /^Error: allow_origins: /);
    });
    it('refuses credentials with any origin (Fetch §3.2.5)', () => {
        assert.throws(() => check({ allowCredentials: true }), /allow_credentials: credentials need the allowed origins listed/);
        assert.equal(check({ allowCredentials: true, allowOrigins: ['https://a.example'] }).allowCredentials, true);
    });
    it('refuses header and method names that are not HTTP tokens', () => {
        assert.throws(() => check({ allowHeaders: ['x trace'] }), /allow_headers: "x trace"/);
        assert.throws(() => check({ allowMethods: ['GET,POST'] }), /allow_methods: "GET,POST"/);
    });
});
describe('[apim.cors] in deployment.toml', () => {
    const homes = [];
    after(() => homes.forEach((d) => rmSync(d, { recursive: true, force: true })));
    const home = (toml) => {
        const dir = mkdtempSync(join(tmpdir(), 'tollgate-cors-'));
        homes.push(dir);
        mkdirSync(join(dir, 'conf'));
        writeFileSync(join(dir, 'conf', 'deployment.toml'), toml);
        return dir;
    };
    it("has WSO2's defaults", () => {
        assert.deepEqual(loadConfig(home('')).gateway.cors, DEFAULT_CORS);
    });
    it('reads the keys, and stops start-up on "*" with credentials, naming the file and key', () => {
        const c = loadConfig(home('[apim.cors]\nallow_origins = ["https://spa.example"]\nallow_credentials = true\nmax_age = 60\n'));
        assert.deepEqual(c.gateway.cors.allowOrigins, ['https://spa.example']);
        assert.equal(c.gateway.cors.maxAgeSeconds, 60);
        const dir = home('[apim.cors]\nallow_credentials = true\n');
        assert.throws(() => loadConfig(dir), (err) => err instanceof ConfigError &&
            err.message.startsWith(`${join(dir, 'conf', 'deployment.toml')}: apim.cors.allow_credentials:`));
    });
});
//# sourceMappingURL=cors.test.js.map