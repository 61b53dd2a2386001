// RFC 6749 §6: "The authorization server MUST: require client authentication for confidential
// clients ..., validate the refresh token ... ensure that the refresh token was issued to the
// authenticated client". "scope OPTIONAL. The requested scope MUST NOT include any scope not
// originally granted by the resource owner, and if omitted is treated as equal to the scope
// originally granted". RFC 9700 §4.14.2: "If a refresh token is compromised and subsequently
// used by both the attacker and the legitimate client, one of them will present an invalidated
// refresh token, which will inform the authorization server of the breach ... revoke the active
// refresh token".
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createKeyManager, SigningKeys } from '../../src/keymanager/index.js';
import {
  createFixture,
  postForm,
  startTestServer,
  type Fixture,
  type TestServer,
} from '../helpers/tollgate.js';

for (const db of ['sqlite', 'postgres'] as const) {
  describe(`refresh_token grant with rotation (${db})`, () => {
    let server: TestServer;
    let fx: Fixture;
    let url: string;

    const passwordGrant = async (scope?: string) =>
      (
        await postForm(
          server,
          url,
          {
            grant_type: 'password',
            username: fx.username,
            password: fx.password,
            ...(scope ? { scope } : {}),
          },
          { authorization: fx.authorization },
        )
      ).json;
    const refresh = (
      refresh_token: string,
      extra: Record<string, string> = {},
      authorization = fx.authorization,
    ) =>
      postForm(
        server,
        url,
        { grant_type: 'refresh_token', refresh_token, ...extra },
        { authorization },
      );
    const introspect = async (token: string) =>
      (
        await postForm(
          server,
          `${server.management}/oauth2/introspect`,
          { token },
          { authorization: fx.authorization },
        )
      ).json;

    before(async () => {
      server = await startTestServer({ db });
      url = `${server.gateway}/token`;
      fx = await createFixture(server, { roles: ['editor'], tokenType: 'opaque' });
      await server.services.stores.scopes.upsert(
        { name: 'read', description: '', roles: [] },
        Date.now(),
      );
      await server.services.stores.scopes.upsert(
        { name: 'update', description: '', roles: ['editor'] },
        Date.now(),
      );
    });
    after(() => server?.close());

    it('renews the access token and rotates the refresh token; the old one stops working', async () => {
      const first = await passwordGrant('read update');
      const r = await refresh(first.refresh_token);
      assert.equal(r.status, 200);
      assert.equal(r.headers['cache-control'], 'no-store');
      assert.equal(r.json.scope, 'read update');
      assert.notEqual(r.json.refresh_token, first.refresh_token);
      assert.notEqual(r.json.access_token, first.access_token);
      const next = await refresh(r.json.refresh_token);
      assert.equal(next.status, 200);
    });

    it('narrows the scope on request, refuses to widen it (R28)', async () => {
      const first = await passwordGrant('read update');
      const narrowed = await refresh(first.refresh_token, { scope: 'read' });
      assert.equal(narrowed.json.scope, 'read');
      const wider = await refresh(narrowed.json.refresh_token, { scope: 'read update' });
      assert.deepEqual([wider.status, wider.json.error], [400, 'invalid_scope']);
    });

    it('revokes the whole family when a rotated refresh token is replayed (R29)', async () => {
      const first = await passwordGrant();
      const second = (await refresh(first.refresh_token)).json;
      assert.equal((await introspect(second.access_token)).active, true);

      const replay = await refresh(first.refresh_token);
      assert.equal(replay.status, 400);
      assert.deepEqual(replay.json, {
        error: 'invalid_grant',
        error_description: 'The refresh token is invalid, expired or revoked.',
      });
      // The newer refresh token and the access tokens of the family are dead too.
      assert.equal((await refresh(second.refresh_token)).status, 400);
      assert.deepEqual(await introspect(second.access_token), { active: false });
      assert.deepEqual(await introspect(first.access_token), { active: false });
    });

    it('lets exactly one of concurrent refreshes with the same token win (R30)', async () => {
      const first = await passwordGrant();
      const results = await Promise.all(
        Array.from({ length: 5 }, () => refresh(first.refresh_token)),
      );
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 400, 400, 400, 400]);
      for (const r of results.filter((x) => x.status === 400))
        assert.equal(r.json.error, 'invalid_grant');
    });

    it('does not take the losers of a refresh race for a replay: the winner keeps its tokens (R30)', async () => {
      // Over HTTP the five requests may reach the server one after another, which is a
      // replay; calling the Key Manager in-process makes them truly simultaneous.
      const s = server.services;
      const keys = await SigningKeys.load(
        s.stores.signingKeys,
        server.config.token.jwtAlgorithm,
        Date.now(),
      );
      const km = createKeyManager({
        config: server.config.token,
        users: s.users,
        applications: s.stores.applications,
        scopes: s.stores.scopes,
        tokens: s.stores.tokens,
        authorizations: s.stores.authorizations,
        keys,
        events: () => {},
      });
      const first = await passwordGrant();
      const body = Buffer.from(
        new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: first.refresh_token,
        }).toString(),
      );
      const outcomes = await Promise.allSettled(
        Array.from({ length: 5 }, () =>
          km.token({
            contentType: 'application/x-www-form-urlencoded',
            authorization: fx.authorization,
            body,
            ip: '127.0.0.1',
          }),
        ),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o) => o.status === 'rejected');
      assert.equal(won.length, 1);
      for (const o of lost) assert.equal((o.reason as { error?: string }).error, 'invalid_grant');
      const winner = (
        won[0] as PromiseFulfilledResult<{ access_token: string; refresh_token?: string }>
      ).value;
      assert.equal((await introspect(winner.access_token)).active, true);
      assert.equal((await refresh(winner.refresh_token!)).status, 200);
    });

    it('binds the refresh token to its client (R27)', async () => {
      const other = await createFixture(server, { username: fx.username, password: fx.password });
      const first = await passwordGrant();
      const stolen = await refresh(first.refresh_token, {}, other.authorization);
      assert.deepEqual([stolen.status, stolen.json.error], [400, 'invalid_grant']);
      // Not a reuse by the rightful client: its token still works.
      assert.equal((await refresh(first.refresh_token)).status, 200);
    });

    it('refuses an unknown refresh token and a missing one', async () => {
      assert.equal((await refresh('not-a-real-token')).json.error, 'invalid_grant');
      const missing = await postForm(
        server,
        url,
        { grant_type: 'refresh_token' },
        { authorization: fx.authorization },
      );
      assert.deepEqual([missing.status, missing.json.error], [400, 'invalid_request']);
    });

    it("stops refreshing once the user's password changed (R31)", async () => {
      const user = await createFixture(server, { username: `pw${Date.now()}` });
      const t = (
        await postForm(
          server,
          url,
          { grant_type: 'password', username: user.username, password: user.password },
          { authorization: user.authorization },
        )
      ).json;
      await server.services.users.setPassword(user.username, 'a brand new password');
      assert.equal(
        (
          await postForm(
            server,
            url,
            { grant_type: 'refresh_token', refresh_token: t.refresh_token },
            { authorization: user.authorization },
          )
        ).status,
        400,
      );
    });
  });
}
