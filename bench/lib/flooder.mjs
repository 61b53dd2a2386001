// A separate process offering password grants open-loop at RATE/s for SECONDS, so the client
// that measures refresh and introspection latency is not slowed by the flood's own work.
// argv: url authorization ca-file rate seconds. Prints one JSON line of statistics.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'undici';

const [url, authorization, caFile, rateArg, secondsArg] = process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const agent = new Agent({ connect: { ca: readFileSync(caFile, 'utf8') }, connections: 256 });
const body = new URLSearchParams({
  grant_type: 'password',
  username: 'bench',
  password: 'bench-user-password',
}).toString();
const stats = { sent: 0, ok: 0, shed: 0, other: 0, okMs: [], shedMs: [], retryAfter: [] };
const inFlight = [];
const start = Date.now();
const timer = setInterval(() => {
  const due = Math.floor(((Date.now() - start) / 1000) * rate) - stats.sent;
  for (let i = 0; i < due; i++) {
    stats.sent++;
    const t = process.hrtime.bigint();
    inFlight.push(
      request(url, {
        method: 'POST',
        dispatcher: agent,
        body,
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization },
      }).then(
        async (res) => {
          await res.body.text();
          const ms = Number(process.hrtime.bigint() - t) / 1e6;
          if (res.statusCode === 200) {
            stats.ok++;
            stats.okMs.push(ms);
          } else if (res.statusCode === 503) {
            stats.shed++;
            stats.shedMs.push(ms);
            if (!stats.retryAfter.includes(res.headers['retry-after']))
              stats.retryAfter.push(res.headers['retry-after']);
          } else stats.other++;
        },
        () => stats.other++,
      ),
    );
  }
}, 5);
setTimeout(async () => {
  clearInterval(timer);
  await Promise.all(inFlight);
  await agent.close();
  process.stdout.write(`${JSON.stringify(stats)}\n`);
}, seconds * 1000);
