#!/usr/bin/env node
// npm run bench:flood (also run at the end of npm run bench) — issue #5 item 3: password grants
// offered at about 4× the hash-bound capacity while refresh grants and introspection run
// beside them; their p50/p99 with and without the flood, and how the excess is shed
// (503 + Retry-After, answered at once). Loopback only, bounded: SECONDS per phase (default 5).
// The clients, the flooder and the server share the machine's cores, so each phase also says
// who had the CPU: how long the server's event loop ran and waited for a core, its event-loop
// delay, and the event-loop delay of this process and of the flooder (a client that lags
// reports its own lag as the server's latency).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { hash, verify } from '@node-rs/argon2';
import { request } from 'undici';
import { percentile, startBenchServer } from './lib/server.mjs';

const SECONDS = Number(process.env.SECONDS_PER_PHASE ?? 5);
const OFFSET = Number(process.env.FLOOD_OFFSET ?? 530);
const WORKERS = Number(process.env.FLOOD_WORKERS ?? 4);

async function hashBound() {
  const stored = await hash('benchmark password', {
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });
  const times = [];
  for (let i = 0; i < 15; i++) {
    const t = process.hrtime.bigint();
    await verify(stored, 'benchmark password');
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const ms = percentile(times, 50);
  return { ms, perSecond: (cpus().length * 1000) / ms };
}

/**
 * Nanoseconds the server's main thread (its event loop) has spent on a CPU and ready but
 * waiting for one (/proc/PID/schedstat; undefined where there is none).
 */
function mainThread(pid) {
  try {
    const [run, wait] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ').map(Number);
    return { run, wait };
  } catch {
    return undefined;
  }
}

/** The server's event-loop delay since the last call (prom-client's, reset at each scrape). */
async function serverLoopDelay(server) {
  const res = await request(`${server.management.replace('localhost', '127.0.0.1')}/metrics`, {
    dispatcher: server.agent,
  });
  const text = await res.body.text();
  const metric = (name) => {
    const m = new RegExp(`^tollgate_nodejs_eventloop_lag_${name}_seconds (\\S+)$`, 'm').exec(text);
    return m ? Number(m[1]) * 1000 : NaN;
  };
  return { p99: metric('p99'), max: metric('max') };
}

/** The flooder process, loaded and waiting: `go()` starts its SECONDS, `done` is its statistics. */
async function startFlooder(server, rate) {
  const child = spawn(
    process.execPath,
    [
      join(import.meta.dirname, 'lib', 'flooder.mjs'),
      `${server.gateway}/token`,
      server.authorization,
      String(rate),
      String(SECONDS),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let out = '';
  const exited = new Promise((r) => child.on('exit', r));
  await new Promise((ready, fail) => {
    child.stdout.on('data', (d) => {
      out += d;
      if (out.startsWith('ready\n')) ready();
    });
    exited.then(() => fail(new Error(`flooder exited: ${out}`)));
  });
  return {
    go: () => child.stdin.end('go\n'),
    done: exited.then(() => JSON.parse(out.slice('ready\n'.length))),
  };
}

async function phase(server, { flood, rate }) {
  const lat = { refresh: [], introspect: [] };
  const password = { grant_type: 'password', username: 'bench', password: 'bench-user-password' };

  const first = await Promise.all(
    Array.from({ length: WORKERS }, () => server.post(`${server.gateway}/token`, password)),
  );
  const flooder = flood ? await startFlooder(server, rate) : undefined;
  await serverLoopDelay(server);
  const ownLag = monitorEventLoopDelay({ resolution: 1 });
  ownLag.enable();
  const before = mainThread(server.pid);
  const started = process.hrtime.bigint();
  const until = Date.now() + SECONDS * 1000;
  const refreshers = first.map(async (r) => {
    let refresh = r.json.refresh_token;
    while (Date.now() < until) {
      const x = await server.post(`${server.gateway}/token`, {
        grant_type: 'refresh_token',
        refresh_token: refresh,
      });
      if (x.status !== 200) throw new Error(`refresh failed: ${x.status}`);
      lat.refresh.push(x.ms);
      refresh = x.json.refresh_token;
    }
  });
  const introspectors = first.map(async (r) => {
    while (Date.now() < until) {
      const x = await server.post(`${server.management}/oauth2/introspect`, {
        token: r.json.access_token,
      });
      if (x.status !== 200) throw new Error(`introspect failed: ${x.status}`);
      lat.introspect.push(x.ms);
    }
  });
  flooder?.go();
  const floodStats = await flooder?.done;
  await Promise.all([...refreshers, ...introspectors]);
  const wall = Number(process.hrtime.bigint() - started);
  const after = mainThread(server.pid);
  ownLag.disable();
  const cpu = before &&
    after && {
      ran: (after.run - before.run) / wall,
      waited: (after.wait - before.wait) / wall,
    };
  const loop = await serverLoopDelay(server);
  return { lat, floodStats, cpu, loop, ownLagP99: ownLag.percentile(99) / 1e6 };
}

const fmt = (v) => v.toFixed(1).padStart(7);

export async function runFlood({ offset = OFFSET } = {}) {
  const bound = await hashBound();
  const rate = Math.round(bound.perSecond * 4);
  console.log(
    `\n# flood: argon2id verify ${bound.ms.toFixed(1)} ms, ${cpus().length} cores → hash-bound ${bound.perSecond.toFixed(0)} password grants/s; flood offered at ${rate}/s for ${SECONDS} s; ${WORKERS} refresh + ${WORKERS} introspection clients (closed loop)`,
  );
  const server = await startBenchServer({
    offset,
    toml: `[protection.ip_throttle]\nmax_failures = 1000000\n${process.env.FLOOD_TOML ?? ''}`,
  });
  try {
    const quiet = await phase(server, { flood: false, rate });
    const flooded = await phase(server, { flood: true, rate });
    console.log('scenario          refresh n   p50 ms   p99 ms | introspect n   p50 ms   p99 ms');
    for (const [name, r] of [
      ['without flood', quiet],
      ['with 4x flood', flooded],
    ]) {
      const { refresh, introspect } = r.lat;
      console.log(
        `${name.padEnd(16)} ${String(refresh.length).padStart(9)} ${fmt(percentile(refresh, 50))}  ${fmt(percentile(refresh, 99))} | ${String(introspect.length).padStart(12)} ${fmt(percentile(introspect, 50))}  ${fmt(percentile(introspect, 99))}`,
      );
    }
    const f = flooded.floodStats;
    console.log(
      `flood password grants: sent ${f.sent} (${(f.sent / SECONDS).toFixed(0)}/s; ${f.unsent} not sent, every connection busy or in its Retry-After), 200: ${f.ok} (${(f.ok / SECONDS).toFixed(0)}/s, p50 ${percentile(f.okMs, 50).toFixed(1)} ms, p99 ${percentile(f.okMs, 99).toFixed(1)} ms), 503 shed: ${f.shed} (answered in p50 ${percentile(f.shedMs, 50).toFixed(1)} ms, p99 ${percentile(f.shedMs, 99).toFixed(1)} ms, Retry-After ${f.retryAfter.join(',')}), other: ${f.other}; over ${f.connections} connections`,
    );
    const pct = (v) => `${Math.round(v * 100)} %`;
    const share = (r) => (r.cpu ? `${pct(r.cpu.ran)} / ${pct(r.cpu.waited)}` : 'n/a');
    console.log(
      `who had the CPU, with the flood (without): the server's event loop ran / waited for a CPU ${share(flooded)} (${share(quiet)}) of the phase, its event-loop delay p99 ${flooded.loop.p99.toFixed(1)} ms, max ${flooded.loop.max.toFixed(1)} ms (${quiet.loop.p99.toFixed(1)} / ${quiet.loop.max.toFixed(1)}; prom-client, 10 ms resolution included); event-loop delay p99 of the ${WORKERS * 2} clients' process ${flooded.ownLagP99.toFixed(1)} ms (${quiet.ownLagP99.toFixed(1)}), of the flooder ${f.lagMs.p99.toFixed(1)} ms (p50 ${f.lagMs.p50.toFixed(1)}), which used ${f.cpuMs.toFixed(0)} ms of CPU`,
    );
    const worst = Math.max(
      percentile(flooded.lat.refresh, 99),
      percentile(flooded.lat.introspect, 99),
    );
    console.log(
      `refresh/introspection p99 while the password grant is flooded 4x: ${worst.toFixed(1)} ms (target < 20 ms: ${worst < 20 ? 'met' : 'MISSED'}): refresh p99 ${percentile(flooded.lat.refresh, 99).toFixed(1)} ms, introspection p99 ${percentile(flooded.lat.introspect, 99).toFixed(1)} ms (without the flood ${percentile(quiet.lat.refresh, 99).toFixed(1)} / ${percentile(quiet.lat.introspect, 99).toFixed(1)} ms); excess shed with 503 in p99 ${percentile(f.shedMs, 99).toFixed(1)} ms`,
    );
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runFlood().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
