// Issue #13, first impressions: once ready, `tollgate start` prints where the Token API, the
// Gateway and the web UIs of this instance are (its [server] offset added), after the
// "Tollgate ready" line scripts wait for; log lines are JSON when standard output is a pipe
// and human-readable (pino-pretty) when it is a terminal (run here under script(1), a pty).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { request } from 'undici';
import { eventually } from '../helpers/gateway-setup.js';
import { CLI } from '../helpers/process.js';
import { createInstance, type Instance } from '../helpers/instance.js';

describe('first start: the ready banner and the log format', () => {
  let instance: Instance;
  after(() => instance?.remove());

  it('prints the URLs of this instance and writes JSON log lines to a pipe', async () => {
    instance = await createInstance('', 'info');
    const server = await instance.start();
    try {
      const o = instance.offset;
      const lines = server.output().split('\n');
      const ready = lines.findIndex((l) => l.startsWith('Tollgate ready in '));
      assert.ok(ready >= 0, server.output());
      assert.deepEqual(
        lines.slice(ready + 1, ready + 6).map((l) => l.trim().split(/\s{2,}/)),
        [
          ['Token API', `https://localhost:${8243 + o}/token`],
          ['Gateway', `https://localhost:${8243 + o}`, `http://localhost:${8280 + o}`],
          ['Developer Portal', `https://localhost:${9443 + o}/devportal`],
          ['Publisher', `https://localhost:${9443 + o}/publisher`],
          ['Admin', `https://localhost:${9443 + o}/admin`],
        ],
      );
      // The printed Developer Portal address answers with the portal's page.
      const res = await request(`https://localhost:${9443 + o}/devportal`, {
        dispatcher: instance.agent(),
      });
      assert.equal(res.statusCode, 200);
      assert.match(await res.body.text(), /Developer Portal/);
      // JSON lines are written asynchronously: the last ones may follow the banner.
      const listening = async () =>
        server
          .output()
          .split('\n')
          .filter((l) => l.includes('listening'));
      const logs = await eventually(listening, (l) => l.length === 3);
      assert.equal(logs.length, 3, server.output());
      for (const line of logs) assert.equal(JSON.parse(line).level, 30);
    } finally {
      await server.stop();
    }
  });

  it('writes human-readable log lines when standard output is a terminal', async () => {
    const child = spawn(
      'script',
      [
        '-qfec',
        `${process.execPath} ${CLI} --home ${instance.home} start --workers 1`,
        '/dev/null',
      ],
      { env: { ...process.env, TOLLGATE_ADMIN_PASSWORD: 'x' }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner in 60 s:\n${out}`)), 60_000);
        child.stdout.on('data', () => {
          if (!out.includes('Admin ')) return;
          clearTimeout(timer);
          resolve();
        });
        child.on('exit', () => {
          clearTimeout(timer);
          reject(new Error(`exited:\n${out}`));
        });
      });
      const plain = out.replace(/\x1b\[[0-9;]*m/g, '');
      const listening = plain.split(/\r?\n/).filter((l) => l.includes('Server listening at'));
      assert.equal(listening.length, 3, plain);
      for (const line of listening) assert.match(line, /^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: Server/);
      assert.match(plain, /Developer Portal {2}https:\/\/localhost:\d+\/devportal/);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
