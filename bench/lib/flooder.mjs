// A separate process offering password grants open-loop at RATE/s for SECONDS, so the client
// that measures refresh and introspection latency is not slowed by the flood's own work.
// argv: url authorization ca-file rate seconds. Prints one JSON line of statistics.
//
// Each request goes out at once on a connection of its own that is idle, and a connection
// that was answered 503 is left alone for its Retry-After (as a client honouring it would, and
// as the server's shed pause expects): so a 503's latency is how fast the server answered it,
// not how long the request waited behind a paused connection. When every connection is busy
// or cooling (at most 512), the request is counted as unsent.
import { readFileSync } from 'node:fs';
import { Client } from 'undici';

const [url, authorization, caFile, rateArg, secondsArg] = process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const target = new URL(url);
const ca = readFileSync(caFile, 'utf8');
const MAX_CONNECTIONS = 512;
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
  const c = { client: new Client(target.origin, { connect: { ca } }), busy: false, coolUntil: 0 };
  connections.push(c);
  return c;
}

const inFlight = [];
const start = Date.now();
let due = 0;
const timer = setInterval(() => {
  const now = Date.now();
  const owed = Math.floor(((now - start) / 1000) * rate) - due;
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
}, 5);
setTimeout(async () => {
  clearInterval(timer);
  await Promise.all(inFlight);
  await Promise.all(connections.map((c) => c.client.close()));
  process.stdout.write(`${JSON.stringify(stats)}\n`);
}, seconds * 1000);
