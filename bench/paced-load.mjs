#!/usr/bin/env node
// A paced, open-loop load generator (wrk cannot hold a rate): GET requests to a loopback URL
// at a fixed rate for a bounded time, each request's latency taken from the moment the
// schedule said it was due (not from when it went out), so a stalled server or a stalled
// generator shows in the figures instead of lowering the rate (coordinated omission).
// Usage: node bench/paced-load.mjs --url http://127.0.0.1:PORT/path [--rate 1000]
//        [--seconds 5] [--warmup 1] [--connections 64] [--token TOKEN] [--raw]
// Prints one JSON line: {sent, ok, other, errors, rate, p50, p90, p99, p999, max} (ms), the
// requests of the warm-up second left out; --raw adds every latency (to pool several runs). Also used as a module: pacedRun({...}).
import { Pool } from 'undici';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Runs the schedule; resolves with the latencies (ms) of the measured part and the counts. */
export async function pacedRun({ url, rate, seconds, warmup = 1, connections = 64, token }) {
  const target = new URL(url);
  if (!LOOPBACK.has(target.hostname)) throw new Error(`loopback only: ${target.hostname}`);
  if (!(seconds > 0 && seconds <= 120)) throw new Error('--seconds must be in (0, 120]');
  if (!(rate > 0 && rate <= 50_000)) throw new Error('--rate must be in (0, 50000]');
  const pool = new Pool(target.origin, { connections, pipelining: 1, keepAliveTimeout: 30_000 });
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  const path = `${target.pathname}${target.search}`;
  const intervalNs = BigInt(Math.round(1e9 / rate));
  const total = Math.round((warmup + seconds) * rate);
  const skip = Math.round(warmup * rate);
  const latencies = [];
  const counts = { sent: 0, ok: 0, other: 0, errors: 0 };
  const pending = [];
  const start = process.hrtime.bigint();
  const send = (i, due) => {
    counts.sent++;
    const measured = i >= skip;
    const p = pool.request({ path, method: 'GET', headers }).then(
      async (res) => {
        await res.body.dump();
        const ms = Number(process.hrtime.bigint() - due) / 1e6;
        if (!measured) return;
        if (res.statusCode < 400) counts.ok++;
        else counts.other++;
        latencies.push(ms);
      },
      () => {
        if (measured) counts.errors++;
      },
    );
    pending.push(p);
  };
  await new Promise((done) => {
    let i = 0;
    const tick = () => {
      const now = process.hrtime.bigint();
      while (i < total) {
        const due = start + BigInt(i) * intervalNs;
        if (due > now) break;
        send(i, due);
        i++;
      }
      if (i < total) setTimeout(tick, 0);
      else done();
    };
    tick();
  });
  await Promise.all(pending);
  await pool.close();
  const measuredSeconds = seconds;
  return { ...counts, rate: (counts.ok + counts.other) / measuredSeconds, latencies };
}

export function latencySummary(latencies) {
  const s = Float64Array.from(latencies).sort();
  const at = (p) => (s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN);
  return { n: s.length, p50: at(50), p90: at(90), p99: at(99), p999: at(99.9), max: s.at(-1) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, dflt) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : dflt;
  };
  const r = await pacedRun({
    url: arg('url'),
    rate: Number(arg('rate', 1000)),
    seconds: Number(arg('seconds', 5)),
    warmup: Number(arg('warmup', 1)),
    connections: Number(arg('connections', 64)),
    token: arg('token'),
  });
  const { latencies, ...counts } = r;
  const raw = process.argv.includes('--raw') ? { latencies } : {};
  process.stdout.write(`${JSON.stringify({ ...counts, ...latencySummary(latencies), ...raw })}\n`);
}
