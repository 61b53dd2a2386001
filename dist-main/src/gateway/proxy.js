import { backendClosed, backendMalformed, backendSendFailed, backendTimeout, backendUnreachable, } from './faults.js';
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
function connectionListed(headers) {
    const c = headers['connection'];
    const list = Array.isArray(c) ? c.join(',') : (c ?? '');
    return new Set(list
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean));
}
/** Outgoing request headers: end-to-end ones only, without Tollgate's cookies, plus X-Forwarded-For/-Proto/-Host. */
export function forwardHeaders(req) {
    const listed = connectionListed(req.headers);
    const out = {};
    for (const [name, value] of Object.entries(req.headers)) {
        if (value === undefined ||
            HOP_BY_HOP.has(name) ||
            NEVER_FORWARDED.has(name) ||
            listed.has(name))
            continue;
        if (name === 'authorization' && req.stripAuthorization)
            continue;
        // A client must not speak for the Gateway: its own identity claims go nowhere.
        if (name === req.assertionHeader || name === DEFAULT_ASSERTION_HEADER)
            continue;
        if (name.startsWith('x-forwarded-'))
            continue;
        if (name === 'cookie') {
            const kept = withoutOwnCookies(value);
            if (kept !== undefined)
                out[name] = kept;
            continue;
        }
        out[name] = value;
    }
    const prior = req.headers['x-forwarded-for'];
    out['x-forwarded-for'] = prior
        ? `${Array.isArray(prior) ? prior.join(', ') : prior}, ${req.clientIp}`
        : req.clientIp;
    out['x-forwarded-proto'] = req.proto;
    if (req.headers.host)
        out['x-forwarded-host'] = req.headers.host;
    if (req.assertion !== undefined)
        out[req.assertionHeader] = req.assertion;
    return out;
}
function addAnswerHeaders(back, extra) {
    for (const name in extra) {
        const prior = back[name];
        back[name] =
            name === 'vary' && prior !== undefined
                ? `${Array.isArray(prior) ? prior.join(', ') : prior}, ${extra[name]}`
                : extra[name];
    }
}
/** The backend call was cancelled because the client closed its connection: not a backend fault. */
export class ClientGoneError extends Error {
    code = 'CLIENT_GONE';
    constructor() {
        super('The client closed the connection before the answer was complete.');
    }
}
/** Maps a failed backend call to the Gateway's honest 502/503/504. */
export function backendFault(err) {
    const code = err.code ?? err.cause?.code ?? '';
    if (TIMEOUT.has(code))
        return backendTimeout();
    if (UNREACHABLE.has(code))
        return backendUnreachable();
    if (CLOSED.has(code))
        return backendClosed();
    if (MALFORMED.test(code) || err.name === 'HTTPParserError')
        return backendMalformed();
    // Anything else is the Gateway's own failure to make the call: the backend is not blamed.
    return backendSendFailed();
}
/** Streams a request to a backend and its answer back, through one pooled keep-alive Agent. */
export function createProxy(opts) {
    // undici and the Agent come at the first backend call (or at warm()), not at start-up.
    let client;
    async function load() {
        const u = await undici();
        client ??= {
            stream: u.stream,
            dispatcher: new u.Agent({
                connect: { timeout: Math.min(opts.timeoutMs, 10_000) },
                headersTimeout: opts.timeoutMs,
                bodyTimeout: opts.timeoutMs,
                keepAliveTimeout: 4_000,
                connections: 512,
            }),
        };
        return client;
    }
    function send(req, out, begin, signal) {
        if (!client)
            return load().then(() => send(req, out, begin, signal));
        const { stream, dispatcher } = client;
        return stream(req.url, {
            method: req.method,
            headers: forwardHeaders(req),
            body: req.body,
            dispatcher,
            signal,
        }, ({ statusCode, headers }) => {
            const listed = connectionListed(headers);
            const back = {};
            const extra = req.answerHeaders;
            for (const [name, value] of Object.entries(headers)) {
                if (value === undefined || HOP_BY_HOP.has(name) || listed.has(name))
                    continue;
                if (extra !== undefined && name.startsWith('access-control-'))
                    continue;
                if (name === 'set-cookie') {
                    // Session fixation / login CSRF: a backend must not set the management session.
                    const kept = withoutOwnSetCookies(value);
                    if (kept !== undefined)
                        back[name] = kept;
                    continue;
                }
                back[name] = value;
            }
            if (extra !== undefined)
                addAnswerHeaders(back, extra);
            begin();
            out.writeHead(statusCode, back);
            return out;
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
        async forward(req, out, begin) {
            // Without this a slow backend keeps a socket and its buffers until backend_timeout_ms for
            // an answer nobody reads: undici only notices a closed `out` once it writes into it.
            const cancel = new AbortController();
            const clientGone = () => {
                // `errored`: undici destroyed `out` itself, the backend having failed mid-answer.
                if (!out.writableFinished && !out.errored)
                    cancel.abort(new ClientGoneError());
            };
            if (out.destroyed)
                clientGone();
            else
                out.once('close', clientGone);
            try {
                await send(req, out, begin, cancel.signal);
            }
            catch (err) {
                throw cancel.signal.aborted ? cancel.signal.reason : err;
            }
            finally {
                out.off('close', clientGone);
            }
        },
        /** Loads undici now (after start-up), so the first backend call does not wait for it. */
        async warm() {
            await load();
        },
        close: async () => {
            await client?.dispatcher.close();
        },
    };
}
//# sourceMappingURL=proxy.js.map