// The README's quick start, as a new user runs it: `tollgate start`, then the CLI creates a
// user, an application and production keys, then the documented curl command, verbatim.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServerProcess, tollgate, writeDeploymentToml, } from '../helpers/process.js';
const OFFSET = 40 + (process.pid % 50);
describe('README quick start: CLI + curl against a started server', () => {
    const home = mkdtempSync(join(tmpdir(), 'tollgate-readme-'));
    let server;
    before(async () => {
        writeDeploymentToml(home, `[server]\noffset = ${OFFSET}\nbind_address = "127.0.0.1"\n`);
        server = await startServerProcess(home);
    });
    after(async () => {
        await server?.stop();
        rmSync(home, { recursive: true, force: true });
    });
    it('issues a password-grant token exactly as WSO2 documents it', () => {
        assert.equal(tollgate(home, 'user', 'add', 'alice', '--password', 'alice-s3cret-pw').status, 0);
        const created = tollgate(home, 'app', 'create', 'PizzaApp', '--owner', 'alice');
        assert.equal(created.status, 0, created.stderr);
        const keys = tollgate(home, 'keys', 'generate', 'PizzaApp', '--owner', 'alice', '--json');
        assert.equal(keys.status, 0, keys.stderr);
        const { consumerKey, consumerSecret } = JSON.parse(keys.stdout);
        assert.match(consumerKey, /^[A-Za-z0-9_-]{27}$/);
        assert.match(consumerSecret, /^[A-Za-z0-9_-]{43}$/);
        const b64 = Buffer.from(`${consumerKey}:${consumerSecret}`).toString('base64');
        const port = 8243 + OFFSET;
        const raw = execFileSync('curl', [
            '-k',
            '-s',
            '-i',
            '-d',
            'grant_type=password&username=alice&password=alice-s3cret-pw',
            '-H',
            `Authorization: Basic ${b64}`,
            '-H',
            'Content-Type: application/x-www-form-urlencoded',
            `https://localhost:${port}/token`,
        ], { encoding: 'utf8' });
        const [head, body] = raw.split(/\r\n\r\n/);
        assert.match(head, /^HTTP\/1\.1 200/);
        assert.match(head, /\r\ncache-control: no-store\r\n/i);
        assert.match(head, /\r\npragma: no-cache\r\n/i);
        const token = JSON.parse(body);
        assert.deepEqual(Object.keys(token), [
            'scope',
            'token_type',
            'expires_in',
            'refresh_token',
            'access_token',
        ]);
        assert.equal(token['scope'], 'default');
        assert.equal(token['token_type'], 'Bearer');
        assert.equal(token['expires_in'], 3600);
        const users = tollgate(home, 'app', 'users', 'PizzaApp', '--owner', 'alice', '--json');
        assert.equal(users.status, 0, users.stderr);
        const listed = JSON.parse(users.stdout);
        assert.deepEqual(listed.map((u) => [u.username, u.tokenCount]), [['alice', 1]]);
    });
    it('refuses the Token API over plain HTTP, pointing to HTTPS', () => {
        const out = execFileSync('curl', [
            '-s',
            '-i',
            '-d',
            'grant_type=password&username=alice&password=x',
            `http://127.0.0.1:${8280 + OFFSET}/token`,
        ], { encoding: 'utf8' });
        assert.match(out, /^HTTP\/1\.1 400/);
        assert.match(out, /TLS is required: use https:\/\/localhost:\d+\/token/);
        assert.doesNotMatch(out, /access_token/);
    });
    it('sets the application throttling policy from the CLI (app create/update --throttling-policy)', () => {
        const updated = tollgate(home, 'app', 'update', 'PizzaApp', '--owner', 'alice', '--throttling-policy', '10PerMin', '--json');
        assert.equal(updated.status, 0, updated.stderr);
        assert.equal(JSON.parse(updated.stdout).throttlingPolicy, '10PerMin');
        const created = tollgate(home, 'app', 'create', 'SlowApp', '--owner', 'alice', '--throttling-policy', '20PerMin');
        assert.equal(created.stdout.trim(), 'Created application "SlowApp" (jwt tokens; grants password, client_credentials, refresh_token; throttling policy 20PerMin).');
        const unknown = tollgate(home, 'app', 'update', 'PizzaApp', '--owner', 'alice', '--throttling-policy', 'Gold');
        assert.equal(unknown.status, 1);
        assert.equal(unknown.stderr.trim(), 'tollgate: Unknown throttling policy "Gold" (allowed: Unlimited, 50PerMin, 20PerMin, 10PerMin).');
    });
    it('explains CLI mistakes in one sentence with a non-zero exit code', () => {
        const missingOwner = tollgate(home, 'keys', 'generate', 'NoSuchApp', '--owner', 'nobody');
        assert.equal(missingOwner.status, 1);
        assert.equal(missingOwner.stderr.trim(), 'tollgate: No user named "nobody".');
        const weak = tollgate(home, 'user', 'add', 'bob', '--password', 'password');
        assert.equal(weak.status, 1);
        assert.match(weak.stderr, /too common/);
    });
});
//# sourceMappingURL=readme-flow.test.js.map