import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { Agent, request } from 'undici';
import type { ApiError } from '../http/api-error.js';
import { backendFailed, backendTimeout, backendUnreachable } from './faults.js';

// RFC 9110 §7.6.1 hop-by-hop fields, plus those a client must not steer the backend with.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'proxy-connection']);
// R47: the backend must run the method the Gateway checked.
const NEVER_FORWARDED = new Set(['host', 'x-http-method-override', 'x-http-method', 'x-method-override']);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
const TIMEOUT = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function connectionListed(headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>): Set<string> {
  const c = headers['connection'];
  const list = Array.isArray(c) ? c.join(',') : (c ?? '');
  return new Set(list.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
}

export interface ProxyRequest {
  readonly method: string;
  /** Backend base URL + the path below the API's context + the original query. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Readable | null;
  readonly clientIp: string;
  readonly proto: 'http' | 'https';
  /** Drop the Authorization header: it held the Gateway's token, not the backend's. */
  readonly stripAuthorization: boolean;
  readonly signal: AbortSignal;
}

export interface ProxyResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[]>;
  readonly body: Readable;
}

/** Outgoing request headers: end-to-end ones only, plus X-Forwarded-For/-Proto/-Host. */
export function forwardHeaders(req: ProxyRequest): Record<string, string | string[]> {
  const listed = connectionListed(req.headers);
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || NEVER_FORWARDED.has(name) || listed.has(name)) continue;
    if (name === 'authorization' && req.stripAuthorization) continue;
    if (name.startsWith('x-forwarded-')) continue;
    out[name] = value;
  }
  const prior = req.headers['x-forwarded-for'];
  out['x-forwarded-for'] = prior ? `${Array.isArray(prior) ? prior.join(', ') : prior}, ${req.clientIp}` : req.clientIp;
  out['x-forwarded-proto'] = req.proto;
  if (req.headers.host) out['x-forwarded-host'] = req.headers.host;
  return out;
}

/** Maps a failed backend call to the Gateway's honest 502/503/504. */
export function backendFault(err: unknown): ApiError {
  const code = (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code ?? '';
  if (TIMEOUT.has(code)) return backendTimeout();
  if (UNREACHABLE.has(code)) return backendUnreachable();
  return backendFailed();
}

/** Streams a request to a backend and its answer back, through one pooled keep-alive Agent. */
export function createProxy(opts: { timeoutMs: number }) {
  const dispatcher = new Agent({
    connect: { timeout: Math.min(opts.timeoutMs, 10_000) },
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
    keepAliveTimeout: 4_000,
    connections: 512,
  });

  return {
    async forward(req: ProxyRequest): Promise<ProxyResponse> {
      const res = await request(req.url, {
        method: req.method as 'GET', headers: forwardHeaders(req), body: req.body, dispatcher, signal: req.signal,
      });
      const listed = connectionListed(res.headers);
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(res.headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name) && !listed.has(name)) headers[name] = value;
      }
      // A body that fails midway (timeout, reset) just ends the client's response; never an unhandled error.
      res.body.on('error', () => {});
      return { status: res.statusCode, headers, body: res.body };
    },
    close: () => dispatcher.close(),
  };
}

export type Proxy = ReturnType<typeof createProxy>;
