// Two Key Managers on one PostgreSQL (README "Several nodes"): each keeps client and user rows
// in memory, and a change made on one node reaches the other through PostgreSQL's change
// notification (milliseconds), not by the rows aging out: both nodes here keep rows for ten
// minutes. A token's state is never kept: a revocation on one node is seen by the other at once
// (a node knows the refresh tokens it issued without reading them, but whether one is still
// unconsumed and unrevoked its rotation checks in the database).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { until } from '../../src/store/testing.js';
import {
  basic,
  createFixture,
  postForm,
  startTestServer,
  type Fixture,
  type TestServer,
} from '../helpers/tollgate.js';

describe('two Key Managers on one PostgreSQL', () => {
  let a: TestServer;
  let b: TestServer;
  let fx: Fixture;
  const keep = { 'database.row_cache_ttl_ms': 600_000 };

  before(async () => {
    a = await startTestServer({ db: 'postgres', settings: keep });
    b = await startTestServer({
      settings: { ...keep, 'database.type': 'postgres', 'database.url': a.database.config.url },
    });
    fx = await createFixture(a, { tokenType: 'opaque' });
  });
  after(async () => {
    await b?.close();
    await a?.close();
  });

  const clientCredentials = (server: TestServer, authorization: string) =>
    postForm(
      server,
      `${server.gateway}/token`,
      { grant_type: 'client_credentials' },
      {
        authorization,
      },
    );
  const introspect = (server: TestServer, token: string, authorization = fx.authorization) =>
    postForm(server, `${server.management}/oauth2/introspect`, { token }, { authorization });

  /** Requests on B until it answers from the rows it keeps (a few, a moment apart). */
  async function warm(authorization: string): Promise<void> {
    for (let i = 0; i < 3; i++) {
      assert.equal((await clientCredentials(b, authorization)).status, 200);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('a token revoked on one node is inactive on the other at once', async () => {
    await warm(fx.authorization);
    const token = (await clientCredentials(b, fx.authorization)).json.access_token as string;
    assert.equal((await introspect(a, token)).json.active, true);
    const revoked = await postForm(
      a,
      `${a.gateway}/revoke`,
      { token },
      {
        authorization: fx.authorization,
      },
    );
    assert.equal(revoked.status, 200);
    assert.deepEqual((await introspect(b, token)).json, { active: false });
  });

  it('a secret regenerated on one node stops working on the other', async () => {
    await warm(fx.authorization);
    const owner = (await a.services.users.find(fx.username))!;
    const app = (await a.services.applications.list(owner.id))[0]!;
    const keys = await a.services.applications.regenerateSecret(app, 'production');
    const fresh = basic(keys.consumerKey, keys.consumerSecret);
    await until(async () => (await clientCredentials(b, fx.authorization)).status === 401);
    const old = await clientCredentials(b, fx.authorization);
    assert.equal(old.status, 401, old.text);
    assert.equal(old.json.error, 'invalid_client');
    assert.equal((await clientCredentials(b, fresh)).status, 200);
    fx = { ...fx, consumerSecret: keys.consumerSecret, authorization: fresh };
  });

  it('an application deleted on one node is refused on the other', async () => {
    const other = await createFixture(a, { tokenType: 'opaque' });
    await warm(other.authorization);
    const owner = (await a.services.users.find(other.username))!;
    const app = (await a.services.applications.list(owner.id))[0]!;
    await a.services.applications.remove(owner.id, app.name);
    await until(async () => (await clientCredentials(b, other.authorization)).status === 401);
    const refused = await clientCredentials(b, other.authorization);
    assert.equal(refused.status, 401, refused.text);
    assert.equal(refused.json.error, 'invalid_client');
  });

  it('a user disabled on one node can no longer refresh on the other', async () => {
    const user = await createFixture(a, { tokenType: 'opaque' });
    const grant = await postForm(
      b,
      `${b.gateway}/token`,
      { grant_type: 'password', username: user.username, password: user.password },
      { authorization: user.authorization },
    );
    assert.equal(grant.status, 200, grant.text);
    let refresh = grant.json.refresh_token as string;
    const renew = () =>
      postForm(
        b,
        `${b.gateway}/token`,
        { grant_type: 'refresh_token', refresh_token: refresh },
        {
          authorization: user.authorization,
        },
      );
    for (let i = 0; i < 3; i++) {
      const r = await renew();
      assert.equal(r.status, 200, r.text);
      refresh = r.json.refresh_token as string;
    }
    await a.services.users.setStatus(user.username, 'disabled');
    const refused = await renew();
    assert.equal(refused.status, 400, refused.text);
    assert.equal(refused.json.error, 'invalid_grant');
  });
  it('a refresh token rotates once across both nodes, and its replay on the other revokes the family', async () => {
    const user = await createFixture(a, { tokenType: 'opaque' });
    const token = (server: TestServer, form: Record<string, string>) =>
      postForm(server, `${server.gateway}/token`, form, { authorization: user.authorization });
    const signIn = (server: TestServer) =>
      token(server, { grant_type: 'password', username: user.username, password: user.password });
    const login = await signIn(a);
    assert.equal(login.status, 200, login.text);
    const first = login.json.refresh_token as string;
    // The same token on both nodes at once: one rotation wins, the other is refused.
    const race = await Promise.all(
      [a, b].map((n) => token(n, { grant_type: 'refresh_token', refresh_token: first })),
    );
    assert.deepEqual(race.map((r) => r.status).sort(), [200, 400], race.map((r) => r.text).join());
    assert.equal(race.find((r) => r.status === 400)!.json.error, 'invalid_grant');
    // Whether the loser counted as a race or a replay depends on when it arrived (R30); the
    // replay is checked in a family of its own.
    const again = await signIn(b);
    assert.equal(again.status, 200, again.text);
    const r0 = again.json.refresh_token as string;
    const rotated = await token(a, { grant_type: 'refresh_token', refresh_token: r0 });
    assert.equal(rotated.status, 200, rotated.text);
    const r1 = rotated.json.refresh_token as string;
    const replay = await token(b, { grant_type: 'refresh_token', refresh_token: r0 });
    assert.equal(replay.status, 400, replay.text);
    assert.equal(replay.json.error, 'invalid_grant');
    // The family is revoked on every node: its successor and its access token with it.
    const successor = await token(a, { grant_type: 'refresh_token', refresh_token: r1 });
    assert.equal(successor.status, 400, successor.text);
    assert.deepEqual(
      (await introspect(a, rotated.json.access_token as string, user.authorization)).json,
      { active: false },
    );
  });
});
