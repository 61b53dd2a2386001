#!/usr/bin/env node
// npm run bench — Tollgate's token endpoint under load, measured with wrk through the shared
// harness (../shared/bench/token-load.mjs), next to the argon2id verify cost that bounds the
// password grant. Everything runs on 127.0.0.1 and stops by itself.
//
// Then the flood scenario (bench/flood.mjs, issue #5): password grants at 4x the hash-bound
// capacity while refresh and introspection run beside them; FLOOD=0 skips it.
// Env: DUR=10 RUNS=3 CONNS=16,64 GRANTS=password,refresh_token,client_credentials,introspect
//      SHARED=../shared  OFFSET=500  TOKEN_TYPE=opaque|jwt (default opaque)  FLOOD=1 (0 skips)
//      PARTS=token,gateway,startup  GW_CONNS=64  GW_TOKEN_TYPE=jwt|opaque (default jwt)
//      SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" (node flags for the server, e.g. to profile it)
//      BENCH_TOML=$'[identity.password_hashing]\nmax_queued = 8' (bash; TOML appended to the server's deployment.toml)
// The gateway part sends the same GET load to a backend (test/fixtures/backend.mjs) directly
// and through the Gateway (token + subscription + scope checked, then proxied, plain HTTP on
// 8280+OFFSET), interleaved run by run, and prints the ratio. The startup part measures
// `tollgate start` to its first answer and the idle RSS (STARTUP_RUNS=7). The flood part (bench/flood.mjs)
// offers password grants at 4x the hash-bound capacity while refresh and introspection run.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hash, verify } from '@node-rs/argon2';
import { Agent, request } from 'undici';
import { runFlood } from './flood.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(process.env.SHARED ?? join(ROOT, '..', 'shared'));
const DUR = process.env.DUR ?? '10';
const RUNS = process.env.RUNS ?? '3';
const CONNS = process.env.CONNS ?? '16,64';
const GRANTS = process.env.GRANTS ?? 'password,refresh_token,client_credentials,introspect';
const OFFSET = Number(process.env.OFFSET ?? 500);
const TOKEN_TYPE = process.env.TOKEN_TYPE ?? 'opaque';
const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const PARTS = (process.env.PARTS ?? 'token,gateway,startup').split(',');
const GW_CONNS = process.env.GW_CONNS ?? '64';
const GW_TOKEN_TYPE = process.env.GW_TOKEN_TYPE ?? 'jwt';

function ensureWrk() {
  if (spawnSync('wrk', ['-v']).error === undefined) return;
  console.error('# wrk is missing: installing it from Debian packages');
  execFileSync(
    'bash',
    [
      '-c',
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null',
    ],
    { stdio: 'inherit' },
  );
}

async function hashCost() {
  const params = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
  const stored = await hash('benchmark password', params);
  const times = [];
  for (let i = 0; i < 20; i++) {
    const t = process.hrtime.bigint();
    await verify(stored, 'benchmark password');
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const ms = times[10];
  return { ms, limit: (cpus().length * 1000) / ms };
}

const tollgate = (home, ...args) =>
  execFileSync(process.execPath, [CLI, '--home', home, ...args], { encoding: 'utf8' });

async function main() {
  if (!existsSync(join(SHARED, 'bench', 'token-load.mjs')))
    throw new Error(`shared bench harness not found at ${SHARED}/bench (set SHARED=...)`);
  ensureWrk();
  const cost = await hashCost();
  console.log(
    `hash algo=argon2id params=m=19456,t=2,p=1 ms_per_verify=${cost.ms.toFixed(2)} cores=${cpus().length} hash_bound_grants_per_s=${cost.limit.toFixed(0)}`,
  );

  const home = mkdtempSync(join(tmpdir(), 'tollgate-bench-'));
  mkdirSync(join(home, 'conf'));
  writeFileSync(
    join(home, 'conf', 'deployment.toml'),
    `[server]\noffset = ${OFFSET}\nbind_address = "127.0.0.1"\n[log]\nlevel = "warn"\n${process.env.BENCH_TOML ?? ''}\n`,
  );
  const server = spawn(
    process.execPath,
    [
      ...(process.env.SERVER_NODE_ARGS ? process.env.SERVER_NODE_ARGS.split(' ') : []),
      CLI,
      '--home',
      home,
      'start',
      // One process unless WORKERS says otherwise: the figures are per core.
      '--workers',
      process.env.WORKERS ?? '1',
    ],
    {
      env: { ...process.env, TOLLGATE_ADMIN_PASSWORD: 'bench-admin-password' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    await new Promise((ok, fail) => {
      let out = '';
      server.stdout.on('data', (d) => {
        out += d;
        if (out.includes('Tollgate ready')) ok();
      });
      server.on('exit', () => fail(new Error(`server exited: ${out}`)));
    });
    tollgate(home, 'user', 'add', 'bench', '--password', 'bench-user-password');
    tollgate(home, 'app', 'create', 'bench', '--owner', 'bench', '--token-type', TOKEN_TYPE);
    const keys = JSON.parse(
      tollgate(home, 'keys', 'generate', 'bench', '--owner', 'bench', '--json'),
    );
    if (PARTS.includes('token')) tokenLoad(home, keys, server, cost);
    if (PARTS.includes('gateway')) await gatewayLoad(home, server);
  } finally {
    server.kill('SIGTERM');
    rmSync(home, { recursive: true, force: true });
  }
  if (PARTS.includes('startup')) startupMeasure();
}

/**
 * `tollgate start` (all-in-one) to its first answer, and its idle RSS, with the shared
 * harness (../shared/bench/startup-rss.mjs). A first, unmeasured start creates the database,
 * the signing key and the TLS certificate, so the runs measure a restart as operators see it.
 */
function startupMeasure() {
  const home = mkdtempSync(join(tmpdir(), 'tollgate-startup-'));
  mkdirSync(join(home, 'conf'));
  const offset = OFFSET + 100;
  writeFileSync(
    join(home, 'conf', 'deployment.toml'),
    `[server]\noffset = ${offset}\nbind_address = "127.0.0.1"\n[log]\nlevel = "warn"\n`,
  );
  const measure = (runs) =>
    spawnSync(
      process.execPath,
      [
        join(SHARED, 'bench', 'startup-rss.mjs'),
        '--name',
        'tollgate-all-in-one',
        '--ready-url',
        `http://127.0.0.1:${8280 + offset}/health`,
        '--runs',
        String(runs),
        '--settle',
        '3',
        '--',
        process.execPath,
        CLI,
        '--home',
        home,
        'start',
        '--workers',
        process.env.WORKERS ?? '1',
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        encoding: 'utf8',
        env: { ...process.env, TOLLGATE_ADMIN_PASSWORD: 'bench-admin-password' },
      },
    );
  try {
    measure(1);
    process.stdout.write(measure(Number(process.env.STARTUP_RUNS ?? 7)).stdout);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

function tokenLoad(home, keys, server, cost) {
  // The password grant first, on its own: the other grants' set-up (the shared harness mints
  // their refresh tokens with password grants, all at once) must not meet a hashing queue
  // still full from the password load, so it starts after the queue has drained.
  const all = GRANTS.split(',');
  const groups = [all.filter((g) => g === 'password'), all.filter((g) => g !== 'password')].filter(
    (g) => g.length > 0,
  );
  let out = '';
  for (const [i, group] of groups.entries()) {
    if (i > 0) spawnSync('sleep', ['3']);
    const targets = join(home, 'targets.json');
    writeFileSync(
      targets,
      JSON.stringify([
        {
          name: `tollgate-${TOKEN_TYPE}`,
          url: `https://127.0.0.1:${8243 + OFFSET}/token`,
          introspectUrl: `https://127.0.0.1:${9443 + OFFSET}/oauth2/introspect`,
          clientId: keys.consumerKey,
          clientSecret: keys.consumerSecret,
          username: 'bench',
          password: 'bench-user-password',
          grants: group.join(','),
          pid: String(server.pid),
        },
      ]),
    );
    const r = spawnSync(
      process.execPath,
      [
        join(SHARED, 'bench', 'token-load.mjs'),
        '--targets',
        targets,
        '--runs',
        RUNS,
        '--duration',
        DUR,
        '--conns',
        CONNS,
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        encoding: 'utf8',
        env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' },
      },
    );
    process.stdout.write(r.stdout);
    out += r.stdout;
  }
  for (const line of out.split('\n').filter((l) => l.includes('grant=password'))) {
    const rps = Number(/ rps=([\d.]+)/.exec(line)?.[1]);
    console.log(
      `password grant: ${rps.toFixed(1)}/s = ${((100 * rps) / cost.limit).toFixed(0)}% of the hash-bound limit ${cost.limit.toFixed(0)}/s (${line.match(/c=\d+/)?.[0]})`,
    );
  }
}

/** Authenticated proxy path: the same load on the backend directly and through the Gateway. */
async function gatewayLoad(home, server) {
  const backend = spawn(
    process.execPath,
    [join(ROOT, 'test', 'fixtures', 'backend.mjs'), 'bench', '0'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const port = await new Promise((ok, fail) => {
      let out = '';
      backend.stdout.on('data', (d) => {
        out += d;
        const m = /listening (\d+)/.exec(out);
        if (m) ok(Number(m[1]));
      });
      backend.on('exit', () => fail(new Error(`backend exited: ${out}`)));
    });
    tollgate(home, 'scope', 'add', 'bench_read');
    tollgate(
      home,
      'api',
      'create',
      'Bench',
      '--context',
      '/bench',
      '--version',
      '1.0.0',
      '--production',
      `http://127.0.0.1:${port}`,
      '--resource',
      'GET /echo scope=bench_read',
    );
    tollgate(home, 'api', 'lifecycle', 'Bench', '1.0.0', 'publish');
    tollgate(home, 'app', 'create', 'bench-gw', '--owner', 'bench', '--token-type', GW_TOKEN_TYPE);
    const keys = JSON.parse(
      tollgate(home, 'keys', 'generate', 'bench-gw', '--owner', 'bench', '--json'),
    );
    tollgate(
      home,
      'subscription',
      'add',
      'bench-gw',
      'Bench',
      '1.0.0',
      '--owner',
      'bench',
      '--tier',
      'Unlimited',
    );
    // The instance's self-signed certificate, on loopback.
    const insecure = new Agent({ connect: { rejectUnauthorized: false } });
    const res = await request(`https://127.0.0.1:${8243 + OFFSET}/token`, {
      method: 'POST',
      body: 'grant_type=client_credentials&scope=bench_read',
      dispatcher: insecure,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${keys.consumerKey}:${keys.consumerSecret}`).toString('base64')}`,
      },
    });
    const token = (await res.body.json()).access_token;
    await insecure.close();
    const url = `http://127.0.0.1:${8280 + OFFSET}/bench/1.0.0/echo`;
    for (let i = 0; i < 100; i++) {
      // Config sync brings the new API and subscription within about a second.
      const r = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      await r.arrayBuffer();
      if (r.status === 200) break;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    const targets = join(home, 'gw-targets.json');
    writeFileSync(
      targets,
      JSON.stringify([
        { name: 'direct', url: `http://127.0.0.1:${port}/echo`, pid: String(backend.pid) },
        {
          name: `tollgate-gateway-${GW_TOKEN_TYPE}`,
          url,
          token,
          pid: `${server.pid},${backend.pid}`,
        },
      ]),
    );
    const r = spawnSync(
      process.execPath,
      [
        join(SHARED, 'bench', 'gateway-load.mjs'),
        '--targets',
        targets,
        '--baseline',
        'direct',
        '--runs',
        RUNS,
        '--duration',
        DUR,
        '--conns',
        GW_CONNS,
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        encoding: 'utf8',
      },
    );
    process.stdout.write(r.stdout);
  } finally {
    backend.kill('SIGTERM');
  }
  if (process.env.FLOOD !== '0') await runFlood();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
