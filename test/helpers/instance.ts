import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { settleSockets } from './settle.js';
import {
  startServerProcess,
  tollgate,
  writeDeploymentToml,
  type ServerProcess,
} from './process.js';

/** An instance directory with a user, an application and keys, made with the CLI, for server-process tests. */
export interface Instance {
  readonly home: string;
  readonly offset: number;
  readonly consumerKey: string;
  readonly consumerSecret: string;
  readonly username: string;
  readonly password: string;
  /** `tollgate start` with `args` (one worker unless they say otherwise). */
  start(args?: string[]): Promise<ServerProcess>;
  agent(): Agent;
  remove(): void;
}

/** Offsets derived from the pid, retried on EADDRINUSE (other engineers run tests on this machine). */
/** `serverToml`: more keys of the `[server]` table (offset and bind_address are set here). */
export async function createInstance(
  toml = '',
  logLevel = 'warn',
  serverToml = '',
): Promise<Instance> {
  const home = mkdtempSync(join(tmpdir(), 'tollgate-proc-'));
  const username = 'crash-user';
  const password = 'crash-user-password';
  let offset = 0;
  const write = (o: number) =>
    writeDeploymentToml(
      home,
      `[server]\noffset = ${o}\nbind_address = "127.0.0.1"\n${serverToml}\n[log]\nlevel = "${logLevel}"\n${toml}\n`,
    );
  write(0);
  const cli = (...args: string[]) => {
    const r = tollgate(home, ...args);
    if (r.status !== 0) throw new Error(`tollgate ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  cli('user', 'add', 'admin', '--password', 'Admin-Password-For-Tests', '--roles', 'admin');
  cli('user', 'add', username, '--password', password);
  cli('app', 'create', 'crashapp', '--owner', username, '--token-type', 'opaque');
  const keys = JSON.parse(cli('keys', 'generate', 'crashapp', '--owner', username, '--json'));
  let attempt = 0;
  const instance: Instance = {
    home,
    username,
    password,
    consumerKey: keys.consumerKey,
    consumerSecret: keys.consumerSecret,
    get offset() {
      return offset;
    },
    async start(args: string[] = []) {
      if (offset !== 0) return startServerProcess(home, args);
      for (;;) {
        offset = 300 + ((process.pid * 7 + attempt++ * 41) % 600);
        write(offset);
        try {
          return await startServerProcess(home, args);
        } catch (err) {
          if (attempt < 6 && /EADDRINUSE/.test(String(err))) continue;
          throw err;
        }
      }
    },
    agent: () =>
      new Agent({ connect: { ca: readFileSync(join(home, 'data', 'tls', 'cert.pem'), 'utf8') } }),
    remove: () => rmSync(home, { recursive: true, force: true }),
  };
  return instance;
}

export async function postTo(
  agent: Agent,
  url: string,
  form: Record<string, string>,
  authorization: string,
): Promise<{ status: number; json: any }> {
  await settleSockets();
  const res = await request(url, {
    method: 'POST',
    dispatcher: agent,
    body: new URLSearchParams(form).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization },
  });
  const text = await res.body.text();
  return { status: res.statusCode, json: text ? JSON.parse(text) : undefined };
}
