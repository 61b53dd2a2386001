import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { Agent } from 'undici';
import type { ApiError } from '../http/api-error.js';
import { ClientGoneError } from '../http/connection-gone.js';
import {
  backendClosed,
  backendMalformed,
  backendSendFailed,
  backendTimeout,
  backendUnreachable,
} from './faults.js';
import { undici } from './lazy-undici.js';
import { withoutOwnCookies, withoutOwnSetCookies } from './own-cookies.js';

// RFC 9110 §7.6.1 hop-by-hop fields, plus those a client must not steer the backend with.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
]);
// R47: the backend must run the method the Gateway checked. Expect (RFC 9110 §10.1.1) is
// answered by Node's server itself (100 Continue) before the Gateway reads the body; the
// backend call sends the body at once, and undici refuses the header anyway.
const NEVER_FORWARDED = new Set([
  'host',
  'expect',
  'x-http-method-override',
  'x-http-method',
  'x-method-override',
]);
/** What a client's request never carries on to the backend. */
const NOT_FORWARDED = new Set([...HOP_BY_HOP, ...NEVER_FORWARDED]);
/** WSO2's backend JWT header, [apim.jwt] header's default. */
export const DEFAULT_ASSERTION_HEADER = 'x-jwt-assertion';
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const TIMEOUT = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const CLOSED = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED']);
// llhttp's parse errors (HTTPParserError, HPE_* when it has a code) and answers whose length
// does not match their Content-Length.
const MALFORMED = /^HPE_|^UND_ERR_RES_CONTENT_LENGTH_MISMATCH$/;

/**
 * The field names a Connection header lists (RFC 9110 §7.6.1): dropped like the hop-by-hop
 * ones. Undefined when it lists none beyond those (the usual "keep-alive" or "close").
 */
function connectionListed(header: string | string[] | undefined): Set<string> | undefined {
  if (header === undefined) return undefined;
  const list = (Array.isArray(header) ? header.join(',') : header).toLowerCase();
  if (list === 'keep-alive' || list === 'close' || list === '') return undefined;
  return new Set(
    list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

export interface ProxyRequest {
  readonly method: string;
  /** The backend base URL as configured (production or sandbox). */
  readonly backend: string;
  /** What follows the backend URL: the path below the API's context and the original query. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Readable | null;
  readonly clientIp: string;
  readonly proto: 'http' | 'https';
  /** Drop the Authorization header: it held the Gateway's token, not the backend's. */
  readonly stripAuthorization: boolean;
  /**
   * Headers the Gateway puts on the answer (CORS): they replace the backend's own
   * Access-Control-* headers, and a Vary is added to the backend's.
   */
  readonly answerHeaders: Readonly<Record<string, string>> | undefined;
  /**
   * The backend JWT header (lower case): never forwarded from the client, whatever [apim.jwt]
   * says; set to `assertion` when the Gateway signed one.
   */
  readonly assertionHeader: string;
  readonly assertion: string | undefined;
}

export interface ProxyResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[]>;
  readonly body: Readable;
}

/** Outgoing request headers: end-to-end ones only, without Tollgate's cookies, plus X-Forwarded-For/-Proto/-Host. */
export function forwardHeaders(req: ProxyRequest): Record<string, string | string[]> {
  const headers = req.headers;
  const listed = connectionListed(headers['connection']);
  const out: Record<string, string | string[]> = Object.create(null);
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || NOT_FORWARDED.has(name)) continue;
    if (listed !== undefined && listed.has(name)) continue;
    if (name === 'authorization' && req.stripAuthorization) continue;
    // A client must not speak for the Gateway: its own identity claims go nowhere.
    if (name === req.assertionHeader || name === DEFAULT_ASSERTION_HEADER) continue;
    if (name.startsWith('x-forwarded-')) continue;
    if (name === 'cookie') {
      const kept = withoutOwnCookies(value);
      if (kept !== undefined) out[name] = kept;
      continue;
    }
    out[name] = value;
  }
  const prior = headers['x-forwarded-for'];
  out['x-forwarded-for'] = prior
    ? `${Array.isArray(prior) ? prior.join(', ') : prior}, ${req.clientIp}`
    : req.clientIp;
  out['x-forwarded-proto'] = req.proto;
  if (headers.host) out['x-forwarded-host'] = headers.host;
  if (req.assertion !== undefined) out[req.assertionHeader] = req.assertion;
  return out;
}

function addAnswerHeaders(
  back: Record<string, string | string[]>,
  extra: Readonly<Record<string, string>>,
): void {
  for (const name in extra) {
    const prior = back[name];
    back[name] =
      name === 'vary' && prior !== undefined
        ? `${Array.isArray(prior) ? prior.join(', ') : prior}, ${extra[name]}`
        : extra[name]!;
  }
}

/** Maps a failed backend call to the Gateway's honest 502/503/504. */
export function backendFault(err: unknown): ApiError {
  const code =
    (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code ?? '';
  if (TIMEOUT.has(code)) return backendTimeout();
  if (UNREACHABLE.has(code)) return backendUnreachable();
  if (CLOSED.has(code)) return backendClosed();
  if (MALFORMED.test(code) || (err as Error).name === 'HTTPParserError') return backendMalformed();
  // Anything else is the Gateway's own failure to make the call: the backend is not blamed.
  return backendSendFailed();
}

/** A backend base URL split once: the origin undici connects to, and the path before the API's. */
interface Backend {
  readonly origin: string;
  readonly basePath: string;
}

/** The backend's answer headers the client gets: end-to-end ones, without Tollgate cookies, with the CORS answer. */
function answerHeaders(
  raw: Buffer[],
  extra: Readonly<Record<string, string>> | undefined,
): Record<string, string | string[]> {
  // No prototype: a backend's "__proto__" header is just a name here.
  const back: Record<string, string | string[]> = Object.create(null);
  let listed: Set<string> | undefined = undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toString('latin1').toLowerCase();
    const value = raw[i + 1]!.toString('latin1');
    if (name === 'connection') listed = connectionListed(value);
    if (HOP_BY_HOP.has(name)) continue;
    if (extra !== undefined && name.startsWith('access-control-')) continue;
    // Session fixation / login CSRF: a backend must not set the management session.
    if (name === 'set-cookie' && withoutOwnSetCookies(value) === undefined) continue;
    const prior = back[name];
    if (prior === undefined) back[name] = value;
    else if (Array.isArray(prior)) prior.push(value);
    else back[name] = [prior, value];
  }
  if (listed !== undefined) for (const name of listed) delete back[name];
  if (extra !== undefined) addAnswerHeaders(back, extra);
  return back;
}

/**
 * One backend call, as undici's dispatch handler: the answer's head and body are written
 * straight into the client's response, with the client's back-pressure (no stream between,
 * no AbortSignal, no promise per chunk). Settles once: resolved when the answer is complete,
 * rejected with the backend's error, or with a ClientGoneError when the client left first.
 */
class ProxyCall {
  private abortCall: ((err?: Error) => void) | undefined = undefined;
  private settled = false;
  private gone: ClientGoneError | undefined = undefined;
  private readonly onClose: () => void;
  private readonly onDrain: () => void;
  private resumeBackend: (() => void) | undefined = undefined;

  constructor(
    private readonly req: ProxyRequest,
    private readonly out: ServerResponse,
    private readonly begin: () => void,
    private readonly resolve: () => void,
    private readonly reject: (err: unknown) => void,
  ) {
    // Without this a slow backend keeps a socket and its buffers until backend_timeout_ms for
    // an answer nobody reads: undici only notices a closed `out` once it writes into it.
    this.onClose = () => {
      // `errored`: the answer was destroyed here, the backend having failed mid-answer.
      if (this.settled || out.writableFinished || out.errored) return;
      this.gone = new ClientGoneError();
      if (this.abortCall) this.abortCall(this.gone);
      else this.fail(this.gone);
    };
    this.onDrain = () => this.resumeBackend?.();
    out.once('close', this.onClose);
  }

  private finish(): void {
    this.settled = true;
    this.out.off('close', this.onClose);
    if (this.resumeBackend) this.out.off('drain', this.onDrain);
  }

  private fail(err: unknown): void {
    if (this.settled) return;
    this.finish();
    this.reject(this.gone ?? err);
  }

  onConnect(abort: (err?: Error) => void): void {
    if (this.gone) abort(this.gone);
    else this.abortCall = abort;
  }

  onHeaders(statusCode: number, raw: Buffer[], resume: () => void): boolean {
    if (statusCode < 200) return true; // 1xx: the final answer follows
    const headers = answerHeaders(raw, this.req.answerHeaders);
    this.begin();
    this.out.writeHead(statusCode, headers);
    this.resumeBackend = resume;
    this.out.on('drain', this.onDrain);
    return true;
  }

  onData(chunk: Buffer): boolean {
    return this.out.write(chunk);
  }

  onComplete(): void {
    if (this.settled) return;
    this.finish();
    this.out.end();
    this.resolve();
  }

  onError(err: Error): void {
    if (this.settled) return;
    // After the head was sent, closing the client's connection is all that is left to say.
    if (this.resumeBackend && !this.out.destroyed) this.out.destroy(err);
    this.fail(err);
  }
}

/** The request target at the backend: its base path, then the path below the API and the query. */
function pathOf(backend: Backend, below: string): string {
  const path = backend.basePath + below;
  return path.charCodeAt(0) === 47 ? path : `/${path}`; // "/"
}

/** Streams a request to a backend and its answer back, through one pooled keep-alive Agent. */
export function createProxy(opts: { timeoutMs: number }) {
  // undici and the Agent come at the first backend call (or at warm()), not at start-up.
  let dispatcher: Agent | undefined;
  async function load(): Promise<Agent> {
    const u = await undici();
    dispatcher ??= new u.Agent({
      connect: { timeout: Math.min(opts.timeoutMs, 10_000) },
      headersTimeout: opts.timeoutMs,
      bodyTimeout: opts.timeoutMs,
      keepAliveTimeout: 4_000,
      connections: 512,
    });
    return dispatcher;
  }
  // Backend base URLs as configured, parsed once each (a handful per snapshot).
  const backends = new Map<string, Backend>();
  function backendOf(url: string): Backend {
    let known = backends.get(url);
    if (known === undefined) {
      const u = new URL(url);
      known = { origin: u.origin, basePath: u.pathname === '/' ? '' : u.pathname };
      if (backends.size >= 1000) backends.clear();
      backends.set(url, known);
    }
    return known;
  }

  function send(
    req: ProxyRequest,
    out: ServerResponse,
    begin: () => void,
    agent: Agent,
  ): Promise<void> {
    const backend = backendOf(req.backend);
    return new Promise<void>((resolve, reject) => {
      const call = new ProxyCall(req, out, begin, resolve, reject);
      if (out.destroyed) return call.onError(new ClientGoneError());
      if (req.body) req.body.on('error', (err) => call.onError(err));
      try {
        agent.dispatch(
          {
            origin: backend.origin,
            path: pathOf(backend, req.path),
            method: req.method as 'GET',
            headers: forwardHeaders(req),
            body: req.body,
          },
          call,
        );
      } catch (err) {
        call.onError(err as Error);
      }
    });
  }

  return {
    /**
     * Sends the request and, once the backend's status and headers arrive, calls `begin` and
     * writes the answer straight into `out` (no intermediate stream). Rejects before `begin`
     * when the backend cannot be reached or does not answer in time; after it, a failure just
     * ends `out`. When the client's connection closes before the answer is finished, the
     * backend call is aborted (its socket closed) and this rejects with a `ClientGoneError`.
     */
    forward(req: ProxyRequest, out: ServerResponse, begin: () => void): Promise<void> {
      if (dispatcher) return send(req, out, begin, dispatcher);
      return load().then((agent) => send(req, out, begin, agent));
    },
    /** Loads undici now (after start-up), so the first backend call does not wait for it. */
    async warm(): Promise<void> {
      await load();
    },
    close: async () => {
      await dispatcher?.close();
    },
  };
}

export type Proxy = ReturnType<typeof createProxy>;
