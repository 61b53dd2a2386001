// A separate process offering password grants open-loop at RATE/s for SECONDS, so the client
// that measures refresh and introspection latency is not slowed by the flood's own work.
// argv: url authorization rate seconds. Prints one JSON line of statistics.
//
// Each request goes out at once on a connection of its own that is idle, and a connection
// that was answered 503 is left alone for its Retry-After (as a client honouring it would, and
// as the server's shed pause expects): so a 503's latency is how fast the server answered it,
// not how long the request waited behind a paused connection. When every connection is busy
// or cooling (at most 512), the request is counted as unsent.
//
// The flooder shares the machine with the server it floods, so it is kept cheap where that
// changes nothing the server sees: one TLS context for every connection, no name lookup
// (localhost is 127.0.0.1) and no check of the server's certificate (loopback, and Node's
// check parses the whole certificate chain on every connection), while every new connection
// still makes the server do a full TLS handshake. It loads and prints "ready", and starts offering
// only when its parent writes a line to its stdin, so its start-up is not in the measurement.
// The JSON line also gives its own event-loop delay: a flooder lagging behind would report
// its lag as the server's latency.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createSecureContext } from 'node:tls';
import { Client } from 'undici';

const [url, authorization, rateArg, secondsArg] = process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const target = new URL(url);
const secureContext = createSecureContext();
const lookup = (_host, options, callback) =>
  options?.all
    ? callback(null, [{ address: '127.0.0.1', family: 4 }])
    : callback(null, '127.0.0.1', 4);
const MAX_CONNECTIONS = 512;
/** Requests sent per 5 ms tick at most: 4× the rate, so a lag is caught up within its length. */
const PER_TICK = Math.max(1, Math.ceil((rate * 4 * 5) / 1000));
const connections = [];
const body = new URLSearchParams({
  grant_type: 'password',
  username: 'bench',
  password: 'bench-user-password',
}).toString();
const stats = {
  sent: 0,
  unsent: 0,
  ok: 0,
  shed: 0,
  other: 0,
  okMs: [],
  shedMs: [],
  retryAfter: [],
};

function idleConnection(now) {
  for (const c of connections) if (!c.busy && c.coolUntil <= now) return c;
  if (connections.length >= MAX_CONNECTIONS) return undefined;
  const c = {
    client: new Client(target.origin, {
      connect: { secureContext, lookup, rejectUnauthorized: false },
    }),
    busy: false,
    coolUntil: 0,
  };
  connections.push(c);
  return c;
}

const inFlight = [];
let start = 0;
let due = 0;
const tick = () => {
  const now = Date.now();
  // At most a few at a time: a flooder that fell behind (each new connection costs it a TLS
  // handshake) catches up over the next ticks instead of in one burst during which it would
  // read no answer, and count its own stall in their latency.
  const owed = Math.min(Math.floor(((now - start) / 1000) * rate) - due, PER_TICK);
  for (let i = 0; i < owed; i++) {
    due++;
    const c = idleConnection(now);
    if (!c) {
      stats.unsent++;
      continue;
    }
    stats.sent++;
    c.busy = true;
    const t = process.hrtime.bigint();
    inFlight.push(
      c.client
        .request({
          path: target.pathname,
          method: 'POST',
          body,
          headers: { 'content-type': 'application/x-www-form-urlencoded', authorization },
        })
        .then(
          async (res) => {
            await res.body.text();
            const ms = Number(process.hrtime.bigint() - t) / 1e6;
            if (res.statusCode === 200) {
              stats.ok++;
              stats.okMs.push(ms);
            } else if (res.statusCode === 503) {
              stats.shed++;
              stats.shedMs.push(ms);
              const after = res.headers['retry-after'];
              if (!stats.retryAfter.includes(after)) stats.retryAfter.push(after);
              c.coolUntil = Date.now() + Number(after ?? 1) * 1000;
            } else stats.other++;
          },
          () => stats.other++,
        )
        .finally(() => (c.busy = false)),
    );
  }
};
process.stdout.write('ready\n');
process.stdin.once('data', () => {
  process.stdin.pause();
  start = Date.now();
  const cpu = process.cpuUsage();
  const eld = monitorEventLoopDelay({ resolution: 5 });
  eld.enable();
  const timer = setInterval(tick, 5);
  setTimeout(() => finish(timer, eld, cpu), seconds * 1000);
});

async function finish(timer, eld, cpu) {
  clearInterval(timer);
  eld.disable();
  await Promise.all(inFlight);
  await Promise.all(connections.map((c) => c.client.close()));
  stats.connections = connections.length;
  const used = process.cpuUsage(cpu);
  stats.cpuMs = (used.user + used.system) / 1000;
  stats.lagMs = { p50: eld.percentile(50) / 1e6, p99: eld.percentile(99) / 1e6 };
  process.stdout.write(`${JSON.stringify(stats)}\n`);
}
