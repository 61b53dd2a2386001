// `tollgate start --workers 2` (README "Using every core"): two worker processes share the
// ports, and what is exact in one process stays exact across them: tokens and revocation (the
// database), the per-address throttle (the primary's hit counters), account lockout, shedding
// (the primary's one hashing pool). SIGTERM drains every worker; a killed worker is replaced.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from 'undici';
import { createInstance, type Instance } from '../helpers/instance.js';
import { tollgate, type ServerProcess } from '../helpers/process.js';
import { settleSockets } from '../helpers/settle.js';

const basic = (user: string, secret: string) =>
  `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

/** One keep-alive connection to the management port: it stays with the worker that accepted it. */
interface Connection {
  readonly client: Client;
  readonly pid: number;
}

describe('two workers share the ports and stay exact across each other', () => {
  let instance: Instance;
  let server: ServerProcess;
  let ca: string;
  let origin: string;
  const clients: Client[] = [];

  before(async () => {
    instance = await createInstance(
      [
        '[metrics]',
        'enable = true',
        '[identity.password_hashing]',
        // About half a second per hash and one at a time for the whole machine, nothing waiting:
        // easy to hold the pool full from one worker while the other is asked.
        'memory_kib = 65536',
        'iterations = 12',
        'max_concurrent = 1',
        'max_queued = 0',
        '[identity.account_locking]',
        'max_failed_attempts = 3',
        '[protection]',
        'shed_pause_ms = 0',
        '[protection.ip_throttle]',
        'max_failures = 4',
        'window_seconds = 3600',
        '[protection.spraying]',
        'max_accounts = 1000',
      ].join('\n'),
      'warn',
      'trusted_proxies = ["127.0.0.1/32", "::1"]',
    );
    server = await instance.start(['--workers', '2']);
    ca = readFileSync(join(instance.home, 'data', 'tls', 'cert.pem'), 'utf8');
    origin = `https://localhost:${9443 + instance.offset}`;
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
    await server?.stop();
    instance?.remove();
  });

  async function send(
    c: Client,
    method: 'GET' | 'POST',
    path: string,
    opts: { form?: Record<string, string>; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; json: any; text: string; headers: Record<string, unknown> }> {
    await settleSockets();
    const res = await c.request({
      method,
      path,
      headers: {
        ...(opts.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...opts.headers,
      },
      body: opts.form ? new URLSearchParams(opts.form).toString() : null,
    });
    const text = await res.body.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.statusCode, json, text, headers: res.headers };
  }

  const metric = (text: string, name: string) =>
    Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1]);

  async function connect(): Promise<Connection> {
    const client = new Client(origin, { connect: { ca }, pipelining: 1 });
    clients.push(client);
    const m = await send(client, 'GET', '/metrics');
    assert.equal(m.status, 200);
    return { client, pid: metric(m.text, 'tollgate_process_pid') };
  }

  /** Two connections answered by two different worker processes. */
  async function onTwoWorkers(): Promise<[Connection, Connection]> {
    const a = await connect();
    // A worker replaced a moment ago may still be starting: new connections meanwhile all go
    // to the other one.
    for (let i = 0; i < 100; i++) {
      const b = await connect();
      if (b.pid !== a.pid) return [a, b];
      if (i >= 20) await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('every connection went to the same process');
  }

  /** Waits (a bounded while) until a worker reports a password check running in the pool. */
  async function poolBusy(c: Connection): Promise<void> {
    for (let i = 0; i < 500; i++) {
      const m = await send(c.client, 'GET', '/metrics');
      if (metric(m.text, 'tollgate_password_hash_active') >= 1) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  const app = () => basic(instance.consumerKey, instance.consumerSecret);

  it('runs two worker processes, besides the primary, that both answer', async () => {
    const [a, b] = await onTwoWorkers();
    assert.notEqual(a.pid, server.child.pid);
    assert.notEqual(b.pid, server.child.pid);
    assert.match(server.output(), /Tollgate ready in \d+ ms \(all, 2 workers\)/);
  });

  it('a token issued by one worker is valid on the other; revoked on the other, it is inactive on the first at once', async () => {
    const [a, b] = await onTwoWorkers();
    const issued = await send(a.client, 'POST', '/oauth2/token', {
      form: { grant_type: 'client_credentials' },
      headers: { authorization: app() },
    });
    assert.equal(issued.status, 200);
    const token = issued.json.access_token as string;
    const onB = await send(b.client, 'POST', '/oauth2/introspect', {
      form: { token },
      headers: { authorization: app() },
    });
    assert.equal(onB.json.active, true);
    const revoked = await send(b.client, 'POST', '/oauth2/revoke', {
      form: { token },
      headers: { authorization: app() },
    });
    assert.equal(revoked.status, 200);
    const onA = await send(a.client, 'POST', '/oauth2/introspect', {
      form: { token },
      headers: { authorization: app() },
    });
    assert.deepEqual(onA.json, { active: false });
  });

  it('counts an address’s failures once for the machine: the 5th failure is throttled on either worker', async () => {
    const [a, b] = await onTwoWorkers();
    const from = { 'x-forwarded-for': '203.0.113.50' };
    const badClient = (c: Connection) =>
      send(c.client, 'POST', '/oauth2/token', {
        form: { grant_type: 'client_credentials' },
        headers: { authorization: basic(instance.consumerKey, 'wrong-secret'), ...from },
      });
    // max_failures = 4: two failures on each worker.
    for (const c of [a, b, a, b]) assert.equal((await badClient(c)).status, 401);
    for (const c of [a, b]) {
      const throttled = await badClient(c);
      assert.equal(throttled.status, 429, `worker ${c.pid} knows of the other's failures`);
      assert.equal(throttled.json.error, 'slow_down');
    }
    const elsewhere = await send(a.client, 'POST', '/oauth2/token', {
      form: { grant_type: 'client_credentials' },
      headers: { authorization: app(), 'x-forwarded-for': '198.51.100.50' },
    });
    assert.equal(elsewhere.status, 200, 'another address is not affected');
  });

  it('locks an account after 3 wrong passwords spread over both workers', async () => {
    const made = tollgate(instance.home, 'user', 'add', 'lock-me', '--password', 'lock-me-pass-77');
    assert.equal(made.status, 0, made.stderr);
    const [a, b] = await onTwoWorkers();
    const grant = (c: Connection, password: string, ip: string) =>
      send(c.client, 'POST', '/oauth2/token', {
        form: { grant_type: 'password', username: 'lock-me', password },
        headers: { authorization: app(), 'x-forwarded-for': ip },
      });
    // A different address per guess: the per-address throttle stays out of it.
    for (const [i, c] of [a, b, a].entries())
      assert.equal((await grant(c, `wrong-${i}`, `192.0.2.${10 + i}`)).status, 400);
    const right = await grant(b, 'lock-me-pass-77', '192.0.2.20');
    assert.equal(right.status, 400, 'locked: the right password answers like a wrong one');
    assert.equal(right.json.error, 'invalid_grant');
    const locked = tollgate(instance.home, 'user', 'locked', '--json');
    assert.equal(locked.status, 0, locked.stderr);
    assert.deepEqual(
      JSON.parse(locked.stdout).map((l: { username: string }) => l.username),
      ['lock-me'],
    );
  });

  it('sheds against the machine’s one hashing pool: a check on the other worker gets 503 while the one slot is busy', async () => {
    const [a, b] = await onTwoWorkers();
    const grant = (c: Connection, ip: string) =>
      send(c.client, 'POST', '/oauth2/token', {
        form: { grant_type: 'password', username: instance.username, password: instance.password },
        headers: { authorization: app(), 'x-forwarded-for': ip },
      });
    const inFlight = grant(a, '192.0.2.30');
    await poolBusy(b);
    const shed = await grant(b, '192.0.2.31');
    assert.equal(shed.status, 503, `worker ${b.pid} shares the pool that worker ${a.pid} filled`);
    assert.equal(shed.json.error, 'temporarily_unavailable');
    assert.equal(shed.headers['retry-after'], '1');
    assert.equal((await inFlight).status, 200, 'the admitted check completes');
  });

  it('replaces a worker that was killed', async () => {
    const [a, b] = await onTwoWorkers();
    process.kill(a.pid, 'SIGKILL');
    // New connections go to the survivor and, once started, to the replacement (a worker that
    // died within 5 s of its start is replaced only after a second's pause): tried for 15 s.
    const seen = new Set<number>();
    for (const until = Date.now() + 15_000; Date.now() < until;) {
      try {
        const c = await connect();
        seen.add(c.pid);
        if (c.pid !== b.pid && c.pid !== a.pid) break;
      } catch {
        /* the killed worker's port share: try again */
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const replacement = [...seen].find((p) => p !== a.pid && p !== b.pid);
    assert.ok(replacement, `a new worker answers (seen ${[...seen].join(', ')})`);
    assert.match(server.output(), new RegExp(`worker ${a.pid} exited \\(SIGKILL\\)`));
    const c = await connect();
    const issued = await send(c.client, 'POST', '/oauth2/token', {
      form: { grant_type: 'client_credentials' },
      headers: { authorization: app() },
    });
    assert.equal(issued.status, 200);
  });

  it('SIGTERM lets every worker finish its in-flight requests, then the primary exits 0', async () => {
    const [a] = await onTwoWorkers();
    const inFlight = send(a.client, 'POST', '/oauth2/token', {
      form: { grant_type: 'password', username: instance.username, password: instance.password },
      headers: { authorization: app(), 'x-forwarded-for': '192.0.2.40' },
    });
    await poolBusy(await connect());
    const code = server.stop('SIGTERM');
    const answered = await inFlight;
    assert.equal(answered.status, 200);
    assert.equal(typeof answered.json.access_token, 'string');
    assert.equal(await code, 0);
  });
});

describe('two workers: a check whose client left is dropped from the primary’s queue', () => {
  let instance: Instance;
  let server: ServerProcess;
  let ca: string;
  let origin: string;

  before(async () => {
    instance = await createInstance(
      [
        '[metrics]',
        'enable = true',
        '[identity.password_hashing]',
        // About 1.5 s per hash, one at a time for the machine, four may wait.
        'memory_kib = 131072',
        'iterations = 20',
        'max_concurrent = 1',
        'max_queued = 4',
        '[identity.account_locking]',
        'max_failed_attempts = 2',
        '[protection]',
        'shed_pause_ms = 0',
      ].join('\n'),
    );
    server = await instance.start(['--workers', '2']);
    ca = readFileSync(join(instance.home, 'data', 'tls', 'cert.pem'), 'utf8');
    origin = `https://localhost:${9443 + instance.offset}`;
  });
  after(async () => {
    await server?.stop();
    instance?.remove();
  });

  const grant = (c: Client, password: string) =>
    c.request({
      method: 'POST',
      path: '/oauth2/token',
      headers: {
        authorization: basic(instance.consumerKey, instance.consumerSecret),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        grant_type: 'password',
        username: instance.username,
        password,
      }).toString(),
    });

  /** The pool's load as a worker last heard it from the primary. */
  async function load(): Promise<{ active: number; queued: number }> {
    const c = new Client(origin, { connect: { ca } });
    try {
      const res = await c.request({ method: 'GET', path: '/metrics' });
      const text = await res.body.text();
      const read = (name: string) => Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1]);
      return {
        active: read('tollgate_password_hash_active'),
        queued: read('tollgate_password_hash_queued'),
      };
    } finally {
      await c.close();
    }
  }

  it('does not check the passwords of clients that left while they waited, whichever worker took them', async () => {
    const holder = new Client(origin, { connect: { ca } });
    const busy = grant(holder, instance.password);
    for (let l = await load(); l.active < 1; l = await load())
      await new Promise((r) => setTimeout(r, 20));
    // Three wrong passwords on connections of their own (spread over the workers), closed
    // while they wait in the primary's queue.
    const leaving = [0, 1, 2].map(() => new Client(origin, { connect: { ca } }));
    for (const c of leaving) grant(c, 'not-the-password').catch(() => undefined);
    for (let l = await load(); l.queued < 3; l = await load())
      await new Promise((r) => setTimeout(r, 20));
    await Promise.all(leaving.map((c) => c.destroy()));
    const admitted = await busy;
    await admitted.body.dump();
    assert.equal(admitted.statusCode, 200);
    for (let l = await load(); l.active > 0 || l.queued > 0; l = await load())
      await new Promise((r) => setTimeout(r, 50));
    // One may have been handed to the hashing thread before its client left (checked and
    // counted); the others were dropped: 2 failures would have locked the account.
    const after = await grant(holder, instance.password);
    await after.body.dump();
    assert.equal(after.statusCode, 200, 'not locked by passwords nobody waited for');
    await holder.close();
  });
});
