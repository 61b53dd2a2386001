#!/usr/bin/env node
// npm run bench:enumeration — SECURITY.md R19/R20 as a measurement: the median time of a
// password grant for an unknown user, a wrong password, a locked account and a disabled
// account must be within 10 % of each other. Requests go one at a time, interleaved, over
// HTTPS on loopback; SAMPLES per kind (default 150).
import { percentile, startBenchServer } from './lib/server.mjs';

const SAMPLES = Number(process.env.SAMPLES ?? 150);
const OFFSET = Number(process.env.ENUM_OFFSET ?? 560);

const server = await startBenchServer({
  offset: OFFSET,
  toml: '[protection.ip_throttle]\nmax_failures = 1000000\n[protection.spraying]\nmax_accounts = 1000000\n',
});
try {
  server.cli('user', 'add', 'locked-user', '--password', 'locked-user-password');
  server.cli('user', 'add', 'disabled-user', '--password', 'disabled-user-password');
  server.cli('user', 'disable', 'disabled-user');
  const url = `${server.gateway}/token`;
  const grant = (username, password) =>
    server.post(url, { grant_type: 'password', username, password });
  for (let i = 0; i < 5; i++) await grant('locked-user', 'wrong');
  for (let i = 0; i < 20; i++) await grant('bench', 'bench-user-password'); // warm-up

  const kinds = {
    'wrong password': (i) => grant('bench', `wrong-${i}`),
    'unknown user': (i) => grant(`nobody-${i}`, `wrong-${i}`),
    'locked account': () => grant('locked-user', 'locked-user-password'),
    'disabled account': () => grant('disabled-user', 'disabled-user-password'),
  };
  const times = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
  for (let i = 0; i < SAMPLES; i++) {
    for (const [kind, run] of Object.entries(kinds)) {
      const r = await run(i);
      if (r.status !== 400 || r.json?.error !== 'invalid_grant')
        throw new Error(`${kind}: ${r.status} ${JSON.stringify(r.json)}`);
      times[kind].push(r.ms);
    }
    // Four failures in a row never lock; a success resets the count (the lock is measured separately).
    if (i % 4 === 3) await grant('bench', 'bench-user-password');
  }
  const base = percentile(times['wrong password'], 50);
  console.log(
    `# enumeration timing: ${SAMPLES} interleaved samples per kind, one request at a time`,
  );
  let worst = 0;
  for (const [kind, list] of Object.entries(times)) {
    const median = percentile(list, 50);
    const diff = (100 * (median - base)) / base;
    worst = Math.max(worst, Math.abs(diff));
    console.log(
      `${kind.padEnd(18)} median ${median.toFixed(2).padStart(7)} ms  p90 ${percentile(list, 90).toFixed(2).padStart(7)} ms  vs wrong password ${diff >= 0 ? '+' : ''}${diff.toFixed(1)} %`,
    );
  }
  console.log(
    `largest median difference: ${worst.toFixed(1)} % (target: within 10 %) → ${worst <= 10 ? 'PASS' : 'FAIL'}`,
  );
} finally {
  await server.stop();
}
