// SECURITY.md R19: wrong credentials, unknown user, locked, disabled → one answer: 400
// invalid_grant, same error_description, same headers (RFC 6749 §5.2; Keycloak: "same error
// message … to ensure the attacker is unaware the account is disabled"). R14: unknown client
// and wrong secret → the same 401 invalid_client. Timing is measured by `npm run
// bench:enumeration`, not asserted here.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { basic, createFixture, postForm, startTestServer, } from '../helpers/tollgate.js';
import { auditEvents, INVALID_GRANT, observable, passwordGrant } from './helpers.js';
describe('no user or client enumeration through answers', () => {
    let server;
    let fx;
    before(async () => {
        server = await startTestServer({
            settings: {
                'protection.ip_throttle.max_failures': 10_000,
                'protection.spraying.max_accounts': 10_000,
            },
        });
        fx = await createFixture(server);
    });
    after(() => server?.close());
    it('unknown user, wrong password, locked and disabled accounts get one identical answer', async () => {
        const wrong = await passwordGrant(server, fx, fx.username, 'wrong password');
        assert.equal(wrong.status, 400);
        assert.deepEqual(wrong.json, INVALID_GRANT);
        assert.equal(wrong.headers['cache-control'], 'no-store');
        const unknown = await passwordGrant(server, fx, 'no-such-user-anywhere', 'wrong password');
        const locked = await createFixture(server);
        for (let i = 0; i < 5; i++)
            await passwordGrant(server, fx, locked.username, 'wrong password');
        const lockedRight = await passwordGrant(server, fx, locked.username, locked.password);
        const disabled = await createFixture(server);
        await server.services.users.setStatus(disabled.username, 'disabled');
        const disabledRight = await passwordGrant(server, fx, disabled.username, disabled.password);
        const disabledWrong = await passwordGrant(server, fx, disabled.username, 'wrong password');
        for (const [name, r] of [
            ['unknown', unknown],
            ['locked', lockedRight],
            ['disabled', disabledRight],
            ['disabled wrong', disabledWrong],
        ]) {
            assert.deepEqual(observable(r), observable(wrong), name);
        }
        const reasons = (await auditEvents(server, '?type=login.failed')).map((e) => `${e.reason}:${e.username ?? '-'}`);
        assert.ok(reasons.includes('unknown_user:-'), 'an unknown username is never recorded (it may be a mistyped password)');
        assert.ok(reasons.includes(`locked:${locked.username}`));
        assert.ok(reasons.includes(`disabled:${disabled.username}`));
    });
    it('unknown client and wrong secret get one identical 401 invalid_client', async () => {
        const form = { grant_type: 'password', username: fx.username, password: fx.password };
        const wrongSecret = await postForm(server, `${server.gateway}/token`, form, {
            authorization: basic(fx.consumerKey, 'wrong-secret'),
        });
        const unknownClient = await postForm(server, `${server.gateway}/token`, form, {
            authorization: basic('NoSuchClientIdAtAll', 'wrong-secret'),
        });
        assert.equal(wrongSecret.status, 401);
        assert.deepEqual(wrongSecret.json, {
            error: 'invalid_client',
            error_description: 'Client authentication failed.',
        });
        assert.equal(wrongSecret.headers['www-authenticate'], 'Basic realm="tollgate", charset="UTF-8"');
        assert.deepEqual(observable(unknownClient), observable(wrongSecret));
        const events = await auditEvents(server, '?type=client.auth_failed');
        assert.deepEqual(events.slice(0, 2).map((e) => [e.reason, e.consumerKey]), [
            ['unknown_client', null],
            ['wrong_secret', fx.consumerKey],
        ]);
    });
});
//# sourceMappingURL=enumeration.test.js.map