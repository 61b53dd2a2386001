// A Tollgate server process for the benchmarks: its own home, loopback only, stopped by the caller.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Agent, request } from 'undici';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

/**
 * Starts `tollgate start` with its own home on loopback, with a user `bench`, an application
 * `bench` and its keys. `workers`: `--workers` (default WORKERS or 1). `cpus`: a taskset CPU
 * list the server (and every process it forks) is pinned to, e.g. '0'; unset = not pinned.
 */
export async function startBenchServer({
  offset,
  toml = '',
  workers = Number(process.env.WORKERS ?? 1),
  cpus,
  tokenType = 'opaque',
  nodeArgs = process.env.BENCH_SERVER_NODE_ARGS ?? '',
}) {
  const home = mkdtempSync(join(tmpdir(), 'tollgate-bench-'));
  mkdirSync(join(home, 'conf'));
  writeFileSync(
    join(home, 'conf', 'deployment.toml'),
    `[server]\noffset = ${offset}\nbind_address = "127.0.0.1"\n[log]\nlevel = "warn"\n${toml}\n`,
  );
  const cli = (...args) =>
    execFileSync(process.execPath, [CLI, '--home', home, ...args], { encoding: 'utf8' });
  const argv = [
    ...nodeArgs.split(' ').filter(Boolean),
    CLI,
    '--home',
    home,
    'start',
    '--workers',
    String(workers),
  ];
  // taskset execs node: the pid stays the server's.
  const child = spawn(
    cpus === undefined ? process.execPath : 'taskset',
    cpus === undefined ? argv : ['-c', cpus, process.execPath, ...argv],
    {
      env: { ...process.env, TOLLGATE_ADMIN_PASSWORD: 'bench-admin-password' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('Tollgate ready')) ok();
    });
    child.on('exit', () => fail(new Error(`server exited: ${out}`)));
  });
  cli('user', 'add', 'bench', '--password', 'bench-user-password');
  cli('app', 'create', 'bench', '--owner', 'bench', '--token-type', tokenType);
  const keys = JSON.parse(cli('keys', 'generate', 'bench', '--owner', 'bench', '--json'));
  const agent = new Agent({
    connect: { ca: readFileSync(join(home, 'data', 'tls', 'cert.pem'), 'utf8') },
    connections: 512,
    pipelining: 1,
  });
  const authorization = `Basic ${Buffer.from(`${keys.consumerKey}:${keys.consumerSecret}`).toString('base64')}`;
  return {
    home,
    cli,
    agent,
    authorization,
    keys,
    workers,
    cpus,
    pid: child.pid,
    gateway: `https://localhost:${8243 + offset}`,
    management: `https://localhost:${9443 + offset}`,
    http: `http://127.0.0.1:${8280 + offset}`,
    async post(url, form, auth = authorization) {
      const t = process.hrtime.bigint();
      const res = await request(url, {
        method: 'POST',
        dispatcher: agent,
        body: new URLSearchParams(form).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: auth },
      });
      const text = await res.body.text();
      return {
        status: res.statusCode,
        ms: Number(process.hrtime.bigint() - t) / 1e6,
        json: text.startsWith('{') ? JSON.parse(text) : undefined,
        headers: res.headers,
      };
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r)));
      await agent.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
