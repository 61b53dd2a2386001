#!/usr/bin/env node
// npm run bench — Tollgate's figures against the targets of ../shared/docs/PERFORMANCE.md
// (issue #10), each printed as one line with its target after the raw harness lines:
//
// - token: the Token API with wrk through the shared harness (../shared/bench/token-load.mjs)
//   on two servers measured interleaved, run by run: `--workers 1` pinned to core W1_CPUS
//   (wrk pinned to LOAD_CPU), and `--workers 2` on every core (wrk and the server share the
//   cores: a 2-core machine has none left for the load generator). The password grant first, at
//   PW_CONNS (c=64 and c=256 against the server's own c=16 figure, with how busy the server was
//   and the share of 503s), then the other grants at CONNS (client_credentials: 2 workers
//   against 1, with the server's CPU per request);
// - gateway: a GET through the Gateway (JWT + scope + subscription + tier, proxied to
//   test/fixtures/backend.mjs) and the backend alone, with wrk (throughput, 2 workers against 1),
//   then at a fixed PACED_RATE (1,000/s) with bench/paced-load.mjs, open loop, backend alone and
//   through the 1-worker Gateway interleaved: the p99 the Gateway adds;
// - flood (bench/flood.mjs, FLOOD=0 skips it): refresh and introspection p99 while password
//   grants are offered at 4x the hash-bound capacity;
// - startup: `tollgate start` to its first answer and the idle RSS.
// Everything runs on 127.0.0.1 and stops by itself. Env (defaults):
//   DUR=10 RUNS=3 CONNS=16,64 PW_CONNS=16,64,256 GRANTS=password,refresh_token,client_credentials,introspect
//   PARTS=token,gateway,startup FLOOD=1 SCALE=1 (0: no 2-worker server) OFFSET=500 (uses +0..+15)
//   W1_CPUS=0 LOAD_CPU=1 TOKEN_TYPE=opaque GW_CONNS=64 GW_TOKEN_TYPE=jwt PACED_RATE=1000
//   PACED_SECONDS=5 WARM_SECONDS=5 SHARED=../shared STARTUP_RUNS=7
//   SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" (node flags for the servers)
//   BENCH_TOML=$'[identity.password_hashing]\nmax_queued = 8' (TOML appended to their deployment.toml)
//   JWT_ALG=ES256|EdDSA|RS256 ([oauth.token] jwt_algorithm of the servers; unset: the default, RS256)
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hash, verify } from '@node-rs/argon2';
import { Agent, request } from 'undici';
import { runFlood } from './flood.mjs';
import { startBenchServer } from './lib/server.mjs';
import { latencySummary } from './paced-load.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(process.env.SHARED ?? join(ROOT, '..', 'shared'));
const DUR = process.env.DUR ?? '10';
const RUNS = process.env.RUNS ?? '3';
const CONNS = process.env.CONNS ?? '16,64';
const PW_CONNS = process.env.PW_CONNS ?? '16,64,256';
const GRANTS = process.env.GRANTS ?? 'password,refresh_token,client_credentials,introspect';
const OFFSET = Number(process.env.OFFSET ?? 500);
const TOKEN_TYPE = process.env.TOKEN_TYPE ?? 'opaque';
const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const PARTS = (process.env.PARTS ?? 'token,gateway,startup').split(',');
const GW_CONNS = process.env.GW_CONNS ?? '64';
const GW_TOKEN_TYPE = process.env.GW_TOKEN_TYPE ?? 'jwt';
const W1_CPUS = process.env.W1_CPUS ?? '0';
const LOAD_CPU = process.env.LOAD_CPU ?? '1';
const SCALE = process.env.SCALE !== '0';
const PACED_RATE = Number(process.env.PACED_RATE ?? 1000);
const PACED_SECONDS = Number(process.env.PACED_SECONDS ?? 5);
const NODE_ARGS = process.env.SERVER_NODE_ARGS ?? '';
const WARM_SECONDS = Number(process.env.WARM_SECONDS ?? 5);

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

/** The median time of one argon2id verify at the default parameters, on this process's core. */
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
  return times[10];
}

const verdict = (ok) => (ok ? 'met' : 'MISSED');
const x2 = (v) => (Number.isFinite(v) ? v.toFixed(2) : 'na');

/** Parses the harness's summary lines: `token name=… grant=… c=… rps=… …` into objects. */
function parseLines(out) {
  return out
    .split('\n')
    .filter((l) => /^(token|gateway) /.test(l))
    .map((l) => {
      const o = { kind: l.split(' ')[0] };
      for (const m of l.matchAll(/(\S+?)=(\S+)/g)) o[m[1]] = m[2];
      for (const k of ['c', 'rps', 'p50_ms', 'p99_ms', 'cpu_ms_per_req', 'rss_mb'])
        o[k] = Number(o[k]);
      o.ok = Number(String(o.ok).replace('%', ''));
      o.server_cpu = Number(String(o.server_cpu).replace('%', ''));
      return o;
    });
}

/**
 * WARM_SECONDS of unmeasured load (wrk, 32 connections, pinned like the target) so the first
 * measured run does not carry the server's JIT warm-up (each worker of w2 has its own: on a
 * loaded machine they took 10-15 s to reach their steady CPU per request). `body`: a POST
 * form, else a GET.
 */
function warm(url, { headers = {}, body, loadCpu = '' }) {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-warm-'));
  const lua = join(dir, 'warm.lua');
  const lines = [`wrk.method = "${body ? 'POST' : 'GET'}"`];
  for (const [k, v] of Object.entries(headers))
    lines.push(`wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`);
  if (body) lines.push(`wrk.body = ${JSON.stringify(body)}`);
  writeFileSync(lua, `${lines.join('\n')}\n`);
  const args = ['-t1', '-c32', `-d${WARM_SECONDS}s`, '-s', lua, url];
  if (loadCpu) spawnSync('taskset', ['-c', loadCpu, 'wrk', ...args], { stdio: 'ignore' });
  else spawnSync('wrk', args, { stdio: 'ignore' });
  rmSync(dir, { recursive: true, force: true });
}

function harness(script, targets, args) {
  const r = spawnSync(
    process.execPath,
    [
      join(SHARED, 'bench', script),
      '--targets',
      targets,
      '--runs',
      RUNS,
      '--duration',
      DUR,
      ...args,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' },
    },
  );
  process.stdout.write(r.stdout);
  return parseLines(r.stdout);
}

async function main() {
  if (!existsSync(join(SHARED, 'bench', 'token-load.mjs')))
    throw new Error(`shared bench harness not found at ${SHARED}/bench (set SHARED=...)`);
  ensureWrk();
  const ms = await hashCost();
  console.log(
    `hash algo=argon2id params=m=19456,t=2,p=1 ms_per_verify=${ms.toFixed(2)} cores=${availableParallelism()} hash_bound_grants_per_s_per_core=${(1000 / ms).toFixed(0)}`,
  );
  console.log(
    `# servers: "w1" = --workers 1 pinned to core ${W1_CPUS} (wrk on core ${LOAD_CPU})` +
      (SCALE
        ? `; "w2" = --workers 2 on all ${cpus().length} cores, wrk not pinned (it competes)`
        : ''),
  );
  const toml =
    (process.env.BENCH_TOML ?? '') +
    (process.env.JWT_ALG ? `\n[oauth.token]\njwt_algorithm = "${process.env.JWT_ALG}"\n` : '');
  const servers = [];
  try {
    if (PARTS.includes('token') || PARTS.includes('gateway')) {
      const common = { toml, tokenType: TOKEN_TYPE, nodeArgs: NODE_ARGS };
      servers.push({
        name: 'w1',
        loadCpu: LOAD_CPU,
        server: await startBenchServer({ ...common, offset: OFFSET, workers: 1, cpus: W1_CPUS }),
      });
      if (SCALE)
        servers.push({
          name: 'w2',
          loadCpu: '',
          server: await startBenchServer({ ...common, offset: OFFSET + 5, workers: 2 }),
        });
    }
    if (PARTS.includes('token')) tokenLoad(servers, ms);
    if (PARTS.includes('gateway')) await gatewayLoad(servers);
  } finally {
    for (const s of servers) await s.server.stop();
  }
  if (PARTS.includes('gateway') && process.env.FLOOD !== '0')
    await runFlood({ offset: OFFSET + 10 });
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
  const offset = OFFSET + 15;
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
        '1',
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        encoding: 'utf8',
        env: { ...process.env, TOLLGATE_ADMIN_PASSWORD: 'bench-admin-password' },
      },
    );
  try {
    measure(1);
    const out = measure(Number(process.env.STARTUP_RUNS ?? 7)).stdout;
    process.stdout.write(out);
    const ready = Number(/ ready_ms=([\d.]+)/.exec(out)?.[1]);
    const rss = Number(/ idle_rss_mb=([\d.]+)/.exec(out)?.[1]);
    console.log(
      `start to ready, 1 worker: ${ready} ms (target < 700 ms: ${verdict(ready < 700)}); idle RSS ${rss} MB (target < 100 MB: ${verdict(rss < 100)})`,
    );
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

function tokenTarget({ name, loadCpu, server }, grants) {
  const offset = Number(new URL(server.gateway).port) - 8243;
  return {
    name: `tollgate-${TOKEN_TYPE}-${name}`,
    url: `https://127.0.0.1:${8243 + offset}/token`,
    introspectUrl: `https://127.0.0.1:${9443 + offset}/oauth2/introspect`,
    clientId: server.keys.consumerKey,
    clientSecret: server.keys.consumerSecret,
    username: 'bench',
    password: 'bench-user-password',
    grants,
    loadCpu,
    pid: String(server.pid),
  };
}

/** The process tree of `pid`: it and its descendants (a cluster primary's workers). */
function processTree(pid) {
  const parent = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [p, pp] of parent)
      if (tree.has(pp) && !tree.has(p)) {
        tree.add(p);
        grew = true;
      }
  }
  return [...tree];
}

/**
 * The password-hashing threads of a server (its threads of lowered priority, nice > 0, in
 * every process of its tree) with the nanoseconds each spent on a CPU and ready but waiting
 * for one (/proc/PID/task/TID/schedstat).
 */
function hashThreads(pid) {
  const out = new Map();
  for (const p of processTree(pid)) {
    let tids = [];
    try {
      tids = readdirSync(`/proc/${p}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        const st = readFileSync(`/proc/${p}/task/${tid}/stat`, 'utf8');
        if (Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[16]) <= 0) continue;
        const [run, wait] = readFileSync(`/proc/${p}/task/${tid}/schedstat`, 'utf8')
          .split(' ')
          .map(Number);
        out.set(tid, { run, wait });
      } catch {
        // the thread ended meanwhile
      }
    }
  }
  return out;
}

function tokenLoad(servers, verifyMs) {
  // The password grant first, on its own: the other grants' set-up (the shared harness mints
  // their refresh tokens with password grants, all at once) must not meet a hashing queue
  // still full from the password load, so it starts after the queue has drained.
  const all = GRANTS.split(',');
  const home = servers[0].server.home;
  const lines = [];
  const run = (grants, conns) => {
    const targets = join(home, 'targets.json');
    writeFileSync(targets, JSON.stringify(servers.map((s) => tokenTarget(s, grants.join(',')))));
    lines.push(...harness('token-load.mjs', targets, ['--conns', conns]));
  };
  // The hashing threads' scheduler statistics around each concurrency: of the time they had
  // work, how much they were ready but another process had the core (a loaded machine makes
  // the password figures say little; on a quiet one this stays near 0).
  const hashing = new Map();
  if (all.includes('password'))
    for (const c of PW_CONNS.split(',')) {
      const before = servers.map((s) => hashThreads(s.server.pid));
      run(['password'], c);
      servers.forEach((s, i) => {
        const after = hashThreads(s.server.pid);
        let run = 0;
        let wait = 0;
        for (const [tid, t] of after) {
          run += t.run - (before[i].get(tid)?.run ?? 0);
          wait += t.wait - (before[i].get(tid)?.wait ?? 0);
        }
        hashing.set(`${s.name}|${c}`, { run, wait });
      });
    }
  const others = all.filter((g) => g !== 'password');
  if (others.length > 0) {
    spawnSync('sleep', ['3']);
    for (const s of servers) {
      const t = tokenTarget(s, '');
      warm(t.url, {
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: s.server.authorization,
        },
        body: 'grant_type=client_credentials',
        loadCpu: s.loadCpu,
      });
    }
    run(others, CONNS);
  }
  const find = (s, grant, c) =>
    lines.find((l) => l.name === `tollgate-${TOKEN_TYPE}-${s}` && l.grant === grant && l.c === c);

  console.log('\n# token figures against the targets (../shared/docs/PERFORMANCE.md)');
  for (const { name } of servers) {
    const base = find(name, 'password', 16);
    if (!base) continue;
    const cores = name === 'w1' ? 1 : cpus().length;
    const threads = (c) => {
      const h = hashing.get(`${name}|${c}`);
      return h
        ? `; hashing threads ready but without a CPU ${((100 * h.wait) / (h.run + h.wait)).toFixed(0)}% of the time they had work (the event loop or other processes had it)`
        : '';
    };
    console.log(
      `password grant ${name} c=16: ${base.rps.toFixed(1)}/s (hash-bound about ${((cores * 1000) / verifyMs).toFixed(0)}/s on ${cores} core${cores > 1 ? 's' : ''}), server CPU ${base.server_cpu}%, ${base.cpu_ms_per_req.toFixed(1)} ms CPU per grant${threads(16)}`,
    );
    for (const c of [64, 256]) {
      const l = find(name, 'password', c);
      if (!l) continue;
      const ratio = l.rps / base.rps;
      console.log(
        `password grant ${name} c=${c}: ${l.rps.toFixed(1)}/s = ${x2(ratio)}x its c=16 figure (target >= 0.9x: ${verdict(ratio >= 0.9)}); server CPU ${l.server_cpu}%, ${(100 - l.ok).toFixed(0)}% of answers 503, p50 ${l.p50_ms.toFixed(0)} ms${threads(c)}`,
      );
    }
  }
  if (servers.length < 2) return;
  for (const grant of ['client_credentials', 'refresh_token', 'introspect']) {
    for (const c of CONNS.split(',').map(Number)) {
      const one = find('w1', grant, c);
      const two = find('w2', grant, c);
      if (!one || !two) continue;
      const ratio = two.rps / one.rps;
      const target =
        grant === 'client_credentials' ? ` (target >= 1.7x: ${verdict(ratio >= 1.7)})` : '';
      console.log(
        `${grant} c=${c}, 2 workers / 1 worker: ${x2(ratio)}x${target}: ${one.rps.toFixed(0)}/s -> ${two.rps.toFixed(0)}/s; server CPU ms per request ${one.cpu_ms_per_req.toFixed(3)} -> ${two.cpu_ms_per_req.toFixed(3)}, server CPU ${one.server_cpu}% -> ${two.server_cpu}% (wrk shares the cores with w2); by CPU per request, 2 cores of its own would give ${x2((2 * one.cpu_ms_per_req) / two.cpu_ms_per_req)}x`,
      );
    }
  }
}

/** Publishes the benchmark API on a server and returns a token of a subscribed application. */
async function publishBenchApi(server, backendPort) {
  const { cli } = server;
  cli('scope', 'add', 'bench_read');
  cli(
    'api',
    'create',
    'Bench',
    '--context',
    '/bench',
    '--version',
    '1.0.0',
    '--production',
    `http://127.0.0.1:${backendPort}`,
    '--resource',
    'GET /echo scope=bench_read',
  );
  cli('api', 'lifecycle', 'Bench', '1.0.0', 'publish');
  cli('app', 'create', 'bench-gw', '--owner', 'bench', '--token-type', GW_TOKEN_TYPE);
  const keys = JSON.parse(cli('keys', 'generate', 'bench-gw', '--owner', 'bench', '--json'));
  cli(
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
  const res = await request(`${server.gateway.replace('localhost', '127.0.0.1')}/token`, {
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
  const url = `${server.http}/bench/1.0.0/echo`;
  for (let i = 0; i < 100; i++) {
    // Config sync brings the new API and subscription within about a second.
    const r = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    await r.arrayBuffer();
    if (r.status === 200) break;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return { url, token };
}

/** One paced run in its own process (pinned to LOAD_CPU): latencies from the schedule. */
function paced(url, token) {
  const argv = [
    join(import.meta.dirname, 'paced-load.mjs'),
    '--url',
    url,
    '--rate',
    String(PACED_RATE),
    '--seconds',
    String(PACED_SECONDS),
    '--raw',
    ...(token ? ['--token', token] : []),
  ];
  const r = LOAD_CPU
    ? spawnSync('taskset', ['-c', LOAD_CPU, process.execPath, ...argv], { encoding: 'utf8' })
    : spawnSync(process.execPath, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`paced-load failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/**
 * The server's own event-loop delay since the last call (prom-client's histogram on /metrics,
 * reset at each scrape), and how long its main thread waited for a CPU meanwhile
 * (/proc/PID/schedstat: time runnable but not running, i.e. other processes had the core).
 */
async function loopDelay(server) {
  const res = await request(`${server.management.replace('localhost', '127.0.0.1')}/metrics`, {
    dispatcher: server.agent,
  });
  const text = await res.body.text();
  const metric = (name) => {
    const m = new RegExp(`^tollgate_nodejs_eventloop_lag_${name}_seconds (\\S+)$`, 'm').exec(text);
    return m ? Number(m[1]) * 1000 : NaN;
  };
  let waitMs = NaN;
  try {
    waitMs = Number(readFileSync(`/proc/${server.pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
  } catch {
    /* not Linux */
  }
  return { max: metric('max'), p99: metric('p99'), waitMs };
}

/** Authenticated proxy path: the same load on the backend directly and through the Gateway. */
/**
 * nginx in front of the same backend, 1 worker pinned like w1 and 2 workers on every core like
 * w2, when Debian's nginx is installed (../shared/bench/setup.sh installs it): on a machine
 * whose cores the server shares with wrk and the backend, it shows what a second worker can
 * give any proxy, beside Tollgate's own 2-worker ratio. Without nginx, nothing.
 */
async function startNginxPair(backendPort) {
  if (spawnSync('nginx', ['-v']).error) {
    console.log('# nginx not installed: no 2-worker reference for the Gateway');
    return [];
  }
  const all = `0-${cpus().length - 1}`;
  const pair = [];
  for (const [name, workers, cpuList, loadCpu] of [
    ['nginx-w1', 1, W1_CPUS, LOAD_CPU],
    ['nginx-w2', 2, all, ''],
  ]) {
    const listen = 20000 + OFFSET + workers;
    const prefix = mkdtempSync(join(tmpdir(), `tollgate-${name}-`));
    const child = spawn(
      'bash',
      [
        join(SHARED, 'bench', 'peers', 'nginx-proxy.sh'),
        String(listen),
        String(backendPort),
        String(workers),
        cpuList,
      ],
      { stdio: 'ignore', env: { ...process.env, NGINX_PREFIX: prefix } },
    );
    const url = `http://127.0.0.1:${listen}/echo`;
    for (let i = 0; i < 100; i++) {
      const ok = await request(url)
        .then((r) => r.body.dump().then(() => r.statusCode === 200))
        .catch(() => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    pair.push({ name, url, pid: child.pid, loadCpu, child });
  }
  return pair;
}

async function gatewayLoad(servers) {
  const nginxes = [];
  // Pinned with the load generators (as ../shared/bench/run-baselines.sh pins its upstream):
  // left free, the scheduler put it on the 1-worker Gateway's core now and then, and the
  // Gateway waited for a CPU behind its own backend.
  const backend = spawn(
    'taskset',
    [
      '-c',
      String(LOAD_CPU),
      process.execPath,
      join(ROOT, 'test', 'fixtures', 'backend.mjs'),
      'bench',
      '0',
    ],
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
    const gws = [];
    for (const s of servers) gws.push({ ...s, ...(await publishBenchApi(s.server, port)) });
    const direct = `http://127.0.0.1:${port}/echo`;
    if (servers.length > 1) nginxes.push(...(await startNginxPair(port)));
    const targets = join(servers[0].server.home, 'gw-targets.json');
    writeFileSync(
      targets,
      JSON.stringify([
        { name: 'direct', url: direct, pid: String(backend.pid), loadCpu: LOAD_CPU },
        ...gws.map((g) => ({
          name: `tollgate-gateway-${GW_TOKEN_TYPE}-${g.name}`,
          url: g.url,
          token: g.token,
          loadCpu: g.loadCpu,
          pid: String(g.server.pid),
        })),
        ...nginxes.map((n) => ({
          name: n.name,
          url: n.url,
          pid: String(n.pid),
          loadCpu: n.loadCpu,
        })),
      ]),
    );
    warm(direct, { loadCpu: LOAD_CPU });
    for (const g of gws)
      warm(g.url, { headers: { authorization: `Bearer ${g.token}` }, loadCpu: g.loadCpu });
    const lines = harness('gateway-load.mjs', targets, [
      '--baseline',
      'direct',
      '--conns',
      GW_CONNS,
    ]);

    // Latency at a fixed rate, open loop: backend alone and through the 1-worker Gateway,
    // interleaved run by run; every run's latencies pooled per target.
    const w1 = gws[0];
    const pooled = { direct: [], gateway: [] };
    const counts = { direct: { ok: 0, bad: 0 }, gateway: { ok: 0, bad: 0 } };
    // The Gateway's own stalls, apart from the noise of the machine: its event-loop delay
    // during its paced runs (largest, and largest p99), and the time it waited for a CPU.
    const loop = { max: 0, p99: 0, waitMs: 0 };
    for (let i = 0; i < Number(RUNS); i++) {
      for (const [k, url, token] of [
        ['direct', direct, undefined],
        ['gateway', w1.url, w1.token],
      ]) {
        const before =
          k === 'gateway' ? await loopDelay(w1.server).catch(() => undefined) : undefined;
        const r = paced(url, token);
        if (before) {
          const after = await loopDelay(w1.server).catch(() => undefined);
          if (after) {
            loop.max = Math.max(loop.max, after.max);
            loop.p99 = Math.max(loop.p99, after.p99);
            loop.waitMs += after.waitMs - before.waitMs;
          }
        }
        pooled[k].push(...r.latencies);
        counts[k].ok += r.ok;
        counts[k].bad += r.other + r.errors;
      }
    }
    const d = latencySummary(pooled.direct);
    const g = latencySummary(pooled.gateway);
    for (const [k, s] of [
      ['direct', d],
      ['tollgate-gateway-w1', g],
    ]) {
      const c = counts[k === 'direct' ? 'direct' : 'gateway'];
      console.log(
        `paced name=${k} rate=${PACED_RATE}/s runs=${RUNS}x${PACED_SECONDS}s n=${s.n} ok=${c.ok} failed=${c.bad} p50_ms=${x2(s.p50)} p90_ms=${x2(s.p90)} p99_ms=${x2(s.p99)} p999_ms=${x2(s.p999)} max_ms=${x2(s.max)}`,
      );
    }

    console.log('\n# gateway figures against the targets (../shared/docs/PERFORMANCE.md)');
    const added = g.p99 - d.p99;
    console.log(
      `gateway added p99 at ${PACED_RATE} rps: ${x2(added)} ms (target < 2 ms: ${verdict(added < 2 && counts.gateway.bad === 0)}): backend alone p99 ${x2(d.p99)} ms, through the 1-worker Gateway p99 ${x2(g.p99)} ms (p50 ${x2(d.p50)} -> ${x2(g.p50)} ms), open loop, latency from the schedule`,
    );
    console.log(
      `gateway event loop during its paced runs: delay max ${x2(loop.max)} ms, p99 ${x2(loop.p99)} ms (the largest of the runs, prom-client's histogram at 10 ms resolution); its main thread waited ${x2(loop.waitMs)} ms in all for a CPU (other processes on its core)`,
    );
    const one = lines.find((l) => l.name === `tollgate-gateway-${GW_TOKEN_TYPE}-w1`);
    const two = lines.find((l) => l.name === `tollgate-gateway-${GW_TOKEN_TYPE}-w2`);
    // The harness's rss_mb: the server's process tree at the end of each wrk run, the largest.
    if (one)
      console.log(
        `gateway RSS under load, 1 worker: ${one.rss_mb.toFixed(0)} MB (target < 160 MB: ${verdict(one.rss_mb < 160)}), the server process at the end of each c=${GW_CONNS} run, the largest`,
      );
    const n1 = lines.find((l) => l.name === 'nginx-w1');
    const n2 = lines.find((l) => l.name === 'nginx-w2');
    if (one && two) {
      const ratio = two.rps / one.rps;
      console.log(
        `gateway c=${GW_CONNS}, 2 workers / 1 worker: ${x2(ratio)}x (target >= 1.7x: ${verdict(ratio >= 1.7)}): ${one.rps.toFixed(0)} -> ${two.rps.toFixed(0)} rps; Gateway CPU ms per request ${one.cpu_ms_per_req.toFixed(3)} -> ${two.cpu_ms_per_req.toFixed(3)}, Gateway CPU ${one.server_cpu}% -> ${two.server_cpu}% (wrk and the backend share the cores with w2); by CPU per request, 2 cores of its own would give ${x2((2 * one.cpu_ms_per_req) / two.cpu_ms_per_req)}x`,
      );
    }
    if (n1 && n2)
      console.log(
        `what this machine lets a proxy gain from a second worker: nginx 2 workers / 1 worker ${x2(n2.rps / n1.rps)}x (${n1.rps.toFixed(0)} -> ${n2.rps.toFixed(0)} rps, in this run, pinned and shared like w1 and w2)`,
      );
  } finally {
    backend.kill('SIGTERM');
    for (const n of nginxes) n.child.kill('SIGTERM');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
