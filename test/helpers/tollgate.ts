import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { settleSockets } from './settle.js';
import {
  createServices,
  startTollgate,
  type Profile,
  type RunningTollgate,
  type Services,
} from '../../src/compose/index.js';
import { loadConfig, type Config } from '../../src/config/index.js';
import { createTestDatabase, type TestDatabase } from '../../src/store/testing.js';

export interface TestServer {
  readonly config: Config;
  readonly services: Services;
  readonly gateway: string;
  readonly gatewayHttp: string;
  readonly management: string;
  readonly dispatcher: Agent;
  readonly home: string;
  /** The test database, e.g. to point the CLI at it. */
  readonly database: TestDatabase;
  close(): Promise<void>;
}

export interface TestServerOptions {
  readonly db?: 'sqlite' | 'postgres';
  readonly settings?: Record<string, unknown>;
  readonly profile?: Profile;
  /** Injected clock of the server (lock expiry, throttle windows, web sessions, statistics); real time by default. */
  readonly now?: () => number;
}

let nextOffset = 100 + (process.pid % 80) * 10;

/** A real Tollgate on loopback (own home dir, own ports via [server] offset, real TLS). */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const home = mkdtempSync(join(tmpdir(), 'tollgate-test-'));
  const database: TestDatabase = await createTestDatabase(opts.db ?? 'sqlite');
  process.env['TOLLGATE_ADMIN_PASSWORD'] ??= 'Admin-Password-For-Tests';
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const offset = (nextOffset += 3);
    const config = loadConfig(home, {
      'server.offset': offset,
      'server.bind_address': '127.0.0.1',
      'log.level': 'silent',
      'database.type': database.config.type,
      'database.path': database.config.path,
      'database.url': database.config.url,
      ...opts.settings,
    });
    let running: RunningTollgate;
    try {
      running = await startTollgate(
        config,
        opts.profile ?? 'all',
        () => {},
        opts.now ? { now: opts.now } : {},
      );
    } catch (err) {
      if ((err as { code?: string }).code === 'EADDRINUSE') {
        lastError = err;
        continue;
      }
      throw err;
    }
    const services = await createServices(config, opts.now ? { now: opts.now } : {});
    const cert = readFileSync(join(home, 'data', 'tls', 'cert.pem'), 'utf8');
    const dispatcher = new Agent({ connect: { ca: cert } });
    return {
      config,
      services,
      home,
      dispatcher,
      database,
      gateway: `https://localhost:${config.ports.gatewayHttps}`,
      gatewayHttp: `http://localhost:${config.ports.gatewayHttp}`,
      management: `https://localhost:${config.ports.management}`,
      async close() {
        await running.close();
        await services.close();
        await dispatcher.close();
        await database.drop();
        rmSync(home, { recursive: true, force: true });
      },
    };
  }
  throw lastError;
}

export interface HttpResult {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly text: string;
  readonly json: any;
}

export async function call(
  server: TestServer,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<HttpResult> {
  await settleSockets();
  const res = await request(url, {
    method: (init.method ?? 'GET') as 'GET',
    headers: init.headers ?? {},
    body: init.body ?? null,
    dispatcher: server.dispatcher,
  });
  const text = await res.body.text();
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers))
    headers[k] = Array.isArray(v) ? v.join(', ') : String(v);
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, headers, text, json };
}

export const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

/** POSTs a form as the README's curl does. */
export function postForm(
  server: TestServer,
  url: string,
  form: Record<string, string> | string,
  headers: Record<string, string> = {},
): Promise<HttpResult> {
  const body = typeof form === 'string' ? form : new URLSearchParams(form).toString();
  return call(server, url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });
}

export interface Fixture {
  readonly username: string;
  readonly password: string;
  readonly consumerKey: string;
  readonly consumerSecret: string;
  readonly authorization: string;
}

/** A user with roles, an application they own and its production keys. */
export async function createFixture(
  server: TestServer,
  opts: {
    username?: string;
    password?: string;
    roles?: string[];
    tokenType?: 'jwt' | 'opaque';
    grantTypes?: string[];
    appName?: string;
    env?: 'production' | 'sandbox';
  } = {},
): Promise<Fixture> {
  const s = server.services;
  const username = opts.username ?? `user${Math.random().toString(36).slice(2, 8)}`;
  const password = opts.password ?? 'correct horse battery';
  const user =
    (await s.users.find(username)) ??
    (await s.users.create({ username, password, roles: opts.roles ?? [] }));
  const app = await s.applications.create({
    name: opts.appName ?? `app-${Math.random().toString(36).slice(2, 8)}`,
    ownerId: user.id,
    ...(opts.tokenType ? { tokenType: opts.tokenType } : {}),
    ...(opts.grantTypes ? { grantTypes: opts.grantTypes } : {}),
  });
  const keys = await s.applications.generateKeys(app, opts.env ?? 'production');
  return {
    username,
    password,
    consumerKey: keys.consumerKey,
    consumerSecret: keys.consumerSecret,
    authorization: basic(keys.consumerKey, keys.consumerSecret),
  };
}
