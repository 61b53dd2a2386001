// SECURITY.md R51 and issue #5 item 7: no password, secret or token ever appears in a log
// line or an error text; every refusal is an audit event with a reason code, listed for
// admins and counted in metrics. The server runs as a process at log level debug and its
// whole output is searched.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { request } from 'undici';
import { basic } from '../helpers/tollgate.js';
import { createInstance, postTo } from '../helpers/instance.js';
describe('audit events, metrics, and logs without credentials', () => {
    let instance;
    after(() => instance?.remove());
    it('records every refusal with a reason, counts it, and never logs a credential', { timeout: 120_000 }, async () => {
        instance = await createInstance('', 'debug');
        const server = await instance.start();
        const agent = instance.agent();
        const gw = `https://localhost:${8243 + instance.offset}`;
        const mgmt = `https://localhost:${9443 + instance.offset}`;
        const auth = basic(instance.consumerKey, instance.consumerSecret);
        const secrets = [
            instance.password,
            instance.consumerSecret,
            'Wr0ng-Pass-Word!',
            'Hunter2-Typed-As-Username',
            'Wrong-Client-Secret-XYZ',
            'Bad-Admin-Pw-123',
            'Garbage-Refresh-Token-123',
            'Admin-Password-For-Tests',
        ];
        let texts = '';
        try {
            const ok = await postTo(agent, `${gw}/token`, { grant_type: 'password', username: instance.username, password: instance.password }, auth);
            assert.equal(ok.status, 200);
            secrets.push(ok.json.access_token, ok.json.refresh_token);
            const refreshed = await postTo(agent, `${gw}/token`, { grant_type: 'refresh_token', refresh_token: ok.json.refresh_token }, auth);
            secrets.push(refreshed.json.access_token, refreshed.json.refresh_token);
            const answers = [
                await postTo(agent, `${gw}/token`, { grant_type: 'password', username: instance.username, password: 'Wr0ng-Pass-Word!' }, auth),
                await postTo(agent, `${gw}/token`, {
                    grant_type: 'password',
                    username: 'Hunter2-Typed-As-Username',
                    password: instance.password,
                }, auth),
                await postTo(agent, `${gw}/token`, { grant_type: 'client_credentials' }, basic(instance.consumerKey, 'Wrong-Client-Secret-XYZ')),
                await postTo(agent, `${gw}/token`, { grant_type: 'refresh_token', refresh_token: 'Garbage-Refresh-Token-123' }, auth),
                await postTo(agent, `${gw}/token`, { grant_type: 'refresh_token', refresh_token: ok.json.refresh_token }, auth), // replay
                await postTo(agent, `${mgmt}/oauth2/introspect`, { token: refreshed.json.access_token }, auth),
                await postTo(agent, `${gw}/revoke`, { token: refreshed.json.access_token }, auth),
            ];
            texts = JSON.stringify(answers);
            const admin = await request(`${mgmt}/api/admin/v1/audit-events`, {
                dispatcher: agent,
                headers: { authorization: basic('admin', 'Bad-Admin-Pw-123') },
            });
            assert.equal(admin.statusCode, 401);
            texts += await admin.body.text();
            const listed = await request(`${mgmt}/api/admin/v1/audit-events?since=1h`, {
                dispatcher: agent,
                headers: { authorization: basic('admin', 'Admin-Password-For-Tests') },
            });
            const body = (await listed.body.json());
            const seen = body.list.map((e) => `${e.type}:${e.reason}:${e.username ?? '-'}`).sort();
            assert.deepEqual(seen, [
                'client.auth_failed:wrong_secret:-',
                'grant.failed:reuse_detected:-',
                'grant.failed:unknown_token:-',
                'login.failed:unknown_user:-',
                `login.failed:wrong_password:${instance.username}`,
                'login.failed:wrong_password:admin',
                'refresh.reuse_detected:refresh_token_replay:-',
            ].sort());
            const metrics = await (await request(`${mgmt}/metrics`, { dispatcher: agent })).body.text();
            assert.match(metrics, /^tollgate_audit_events_total\{type="login.failed",reason="unknown_user"\} 1$/m);
            assert.match(metrics, /^tollgate_audit_events_total\{type="client.auth_failed",reason="wrong_secret"\} 1$/m);
            assert.match(metrics, /^tollgate_tokens_issued_total\{grant_type="password"\} 1$/m);
        }
        finally {
            await server.stop();
            await agent.close();
        }
        const logs = server.output();
        assert.match(logs, /"msg":"client.auth_failed"/, 'refusals are logged');
        assert.match(logs, /"msg":"token.issued"/, 'issuance is logged at debug');
        for (const s of secrets) {
            assert.ok(!logs.includes(s), `a credential appears in the log: ${s.slice(0, 6)}…`);
            assert.ok(!texts.includes(s), `a credential appears in an answer: ${s.slice(0, 6)}…`);
        }
    });
});
//# sourceMappingURL=no-secrets-in-logs.test.js.map