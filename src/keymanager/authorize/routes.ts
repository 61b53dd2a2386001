import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readCookie, SESSION_COOKIE, sessionCookie } from '../../http/cookies.js';
import { isExposed } from '../../http/error-renderer.js';
import { parseFormBody, type FormParams } from '../endpoints/form.js';
import {
  AuthorizePageError,
  AuthorizeRedirectError,
  REQUEST_PARAMS,
  type AuthorizationRequest,
} from './authorization-request.js';
import type { AuthorizationService } from './authorization-service.js';
import { consentPage, errorPage, signInPage } from './pages.js';

/** A signed-in, active user. */
export interface SignedInUser {
  readonly id: string;
  readonly username: string;
  readonly roles: readonly string[];
}

export interface AuthorizeRouteDeps {
  readonly authorization: AuthorizationService;
  /**
   * The password sign-in shared with the password grant and the web UIs: the same per-address
   * and spraying throttle, account lock and bounded hashing; undefined for any wrong
   * credential (one answer, R19); throws an exposed 429/503 when throttled or overloaded.
   */
  readonly signIn: (
    ip: string,
    username: string,
    password: string,
  ) => Promise<SignedInUser | undefined>;
  /** The web UIs' sessions: signing in here signs in to the Developer Portal too. */
  readonly sessions: {
    start(userId: string, previousId?: string): Promise<{ id: string; csrfToken: string }>;
    resume(id: string): Promise<{ userId: string; csrfToken: string } | undefined>;
    readonly cookieMaxAgeSeconds: number;
  };
  readonly findUser: (userId: string) => Promise<SignedInUser | undefined>;
  /** The web sign-in's per-address attempt limit: seconds to wait, or undefined. */
  readonly limitSignIn?: (ip: string) => Promise<number | undefined>;
}

// Double-submit token of the sign-in form (login CSRF): an HttpOnly __Host- cookie another site
// can neither read nor set, repeated in a hidden field.
const CSRF_COOKIE = '__Host-tollgate-authorize';
const CSRF_VALUE = /^[A-Za-z0-9_-]{43}$/;
const FORM_LIMIT = 16 * 1024;

const csrfCookie = (value: string) =>
  `${CSRF_COOKIE}=${value}; Path=/; Max-Age=1800; Secure; HttpOnly; SameSite=Strict`;

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The CSP source a form on these pages may be redirected to: Chromium applies form-action to
 * the redirect that answers a form, so the client's redirect URI must be allowed there.
 */
function formTarget(redirectUri: string): string {
  const url = new URL(redirectUri);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : url.protocol;
}

/** The pages' headers: no framing, no referrer (the URL holds the request), never cached. */
function pageHeaders(redirectUri?: string): Record<string, string> {
  const target = redirectUri ? ` ${formTarget(redirectUri)}` : '';
  return {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    pragma: 'no-cache',
    'content-security-policy':
      "default-src 'none'; style-src 'self'; img-src 'self'; " +
      `form-action 'self'${target}; frame-ancestors 'none'; base-uri 'none'`,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'strict-transport-security': 'max-age=31536000',
  };
}

/**
 * The POSTs come from these pages: refused when the browser says another site sent them.
 * Sec-Fetch-Site decides where the browser sends it: with Referrer-Policy no-referrer, Chromium
 * sends `Origin: null` for a form of the same origin. Without it, Origin must be ours or absent.
 */
function fromThisSite(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin';
  const origin = req.headers.origin;
  return origin === undefined || origin === `https://${req.headers.host ?? ''}`;
}

const rawQuery = (url: string) => {
  const i = url.indexOf('?');
  return i < 0 ? '' : url.slice(i + 1);
};

/**
 * GET /oauth2/authorize (RFC 6749 §4.1.1) with its sign-in and consent pages on the Key Manager.
 * The forms carry the request's parameters, which are checked again at every step, so any node
 * can answer any step; the signed-in user is the web session's.
 */
export function registerAuthorizeRoutes(app: FastifyInstance, deps: AuthorizeRouteDeps): void {
  const { authorization } = deps;

  const html = (reply: FastifyReply, status: number, body: string, redirectUri?: string) =>
    reply.code(status).headers(pageHeaders(redirectUri)).send(body);

  const redirect = (reply: FastifyReply, status: 302 | 303, location: string) =>
    reply.code(status).headers(pageHeaders()).header('location', location).send();

  /** Checks the request; answers the error page or the error redirect itself (RFC 6749 §4.1.2.1). */
  async function check(
    raw: string,
    reply: FastifyReply,
    status: 302 | 303,
  ): Promise<AuthorizationRequest | undefined> {
    try {
      return await authorization.check(raw);
    } catch (err) {
      if (err instanceof AuthorizePageError)
        html(reply, 400, errorPage('The application sent an invalid request', err.message));
      else if (err instanceof AuthorizeRedirectError)
        redirect(
          reply,
          status,
          authorization.errorRedirect(err.redirectUri, err.state, err.error, err.description),
        );
      else throw err;
      return undefined;
    }
  }

  function showSignIn(
    req: FastifyRequest,
    reply: FastifyReply,
    request: AuthorizationRequest,
    extra: {
      status?: number;
      error?: string;
      username?: string;
      headers?: Record<string, string>;
    } = {},
  ) {
    const existing = readCookie(req.headers.cookie, CSRF_COOKIE);
    const csrf =
      existing && CSRF_VALUE.test(existing) ? existing : randomBytes(32).toString('base64url');
    reply.header('set-cookie', csrfCookie(csrf));
    if (extra.headers) reply.headers(extra.headers);
    return html(
      reply,
      extra.status ?? 200,
      signInPage({
        appName: request.client.application.name,
        params: request.params,
        csrf,
        ...(extra.username !== undefined ? { username: extra.username } : {}),
        ...(extra.error !== undefined ? { error: extra.error } : {}),
      }),
      request.redirectUri,
    );
  }

  /** Signed in: a code at once (first-party, or consent already given), else the consent page. */
  async function proceed(
    reply: FastifyReply,
    request: AuthorizationRequest,
    user: SignedInUser,
    csrf: string,
    status: 302 | 303,
  ) {
    const question = await authorization.question(request, user);
    if (!question.ask)
      return redirect(reply, status, await authorization.approve(request, user, question.scope));
    return html(
      reply,
      200,
      consentPage({
        appName: request.client.application.name,
        username: user.username,
        scopes: await authorization.describe(question.scope),
        params: request.params,
        csrf,
      }),
      request.redirectUri,
    );
  }

  async function signedIn(req: FastifyRequest) {
    const id = readCookie(req.headers.cookie, SESSION_COOKIE);
    const session = id ? await deps.sessions.resume(id) : undefined;
    const user = session && (await deps.findUser(session.userId));
    return session && user ? { session, user } : undefined;
  }

  /** A POSTed form of these pages, and the authorization request it carries. */
  async function readForm(
    req: FastifyRequest,
    reply: FastifyReply,
  ): Promise<{ form: FormParams; request: AuthorizationRequest } | undefined> {
    if (!fromThisSite(req)) {
      html(reply, 403, errorPage('Request refused', 'This form was sent by another site.'));
      return undefined;
    }
    let form: FormParams;
    const carried = new URLSearchParams();
    try {
      form = parseFormBody(req.headers['content-type'], req.body);
      for (const name of REQUEST_PARAMS) {
        const v = form.get(name);
        if (v !== undefined) carried.append(name, v);
      }
    } catch {
      html(reply, 400, errorPage('The form is malformed', 'The form could not be read.'));
      return undefined;
    }
    const request = await check(carried.toString(), reply, 303);
    return request && { form, request };
  }

  const field = (form: FormParams, name: string) => {
    try {
      return form.get(name);
    } catch {
      return undefined;
    }
  };

  app.get('/oauth2/authorize', async (req, reply) => {
    const request = await check(rawQuery(req.url), reply, 302);
    if (!request) return reply;
    const current = await signedIn(req);
    if (!current) return showSignIn(req, reply, request);
    return proceed(reply, request, current.user, current.session.csrfToken, 302);
  });

  app.register(async (scope) => {
    // Only form bodies, read raw and parsed strictly (endpoints/form.ts).
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'buffer', bodyLimit: FORM_LIMIT },
      (_req, body, done) => done(null, body),
    );

    scope.post('/oauth2/authorize/sign-in', async (req, reply) => {
      const read = await readForm(req, reply);
      if (!read) return reply;
      const { form, request } = read;
      const cookie = readCookie(req.headers.cookie, CSRF_COOKIE);
      const csrf = field(form, 'csrf');
      if (!cookie || !csrf || !CSRF_VALUE.test(cookie) || !same(cookie, csrf))
        return showSignIn(req, reply, request, {
          status: 403,
          error: 'The sign-in form expired or was not sent by this page; sign in again.',
        });
      const username = field(form, 'username') ?? '';
      const password = field(form, 'password') ?? '';
      if (!username || !password)
        return showSignIn(req, reply, request, {
          status: 400,
          username,
          error: 'Enter your username and password.',
        });
      const wait = await deps.limitSignIn?.(req.ip);
      if (wait !== undefined)
        return showSignIn(req, reply, request, {
          status: 429,
          username,
          error: `Too many sign-in attempts; retry in ${wait} seconds.`,
          headers: { 'retry-after': String(wait) },
        });
      let user: SignedInUser | undefined;
      try {
        user = await deps.signIn(req.ip, username, password);
      } catch (err) {
        // The shared throttle (429) and the hashing pool's overload (503) answer for themselves.
        if (!isExposed(err)) throw err;
        const text = (err as { description?: string }).description ?? err.message;
        return showSignIn(req, reply, request, {
          status: err.status,
          username,
          error: text,
          ...(err.headers ? { headers: { ...err.headers } } : {}),
        });
      }
      // R19: unknown user, wrong password, locked and disabled accounts: one answer.
      if (!user)
        return showSignIn(req, reply, request, {
          username,
          error: 'The username or password is wrong.',
        });
      const previous = readCookie(req.headers.cookie, SESSION_COOKIE);
      const session = await deps.sessions.start(user.id, previous);
      reply.header('set-cookie', sessionCookie(session.id, deps.sessions.cookieMaxAgeSeconds));
      return proceed(reply, request, user, session.csrfToken, 303);
    });

    scope.post('/oauth2/authorize/consent', async (req, reply) => {
      const read = await readForm(req, reply);
      if (!read) return reply;
      const { form, request } = read;
      const current = await signedIn(req);
      if (!current)
        return showSignIn(req, reply, request, {
          error: 'Your session has ended; sign in again.',
        });
      const csrf = field(form, 'csrf');
      if (!csrf || !same(csrf, current.session.csrfToken))
        return html(
          reply,
          403,
          errorPage(
            'Request refused',
            'The consent form expired or was not sent by this page.',
            'Start again from the application.',
          ),
        );
      const decision = field(form, 'decision');
      if (decision === 'deny')
        return redirect(
          reply,
          303,
          authorization.errorRedirect(
            request.redirectUri,
            request.state,
            'access_denied',
            'The user denied the request.',
          ),
        );
      if (decision !== 'allow')
        return html(
          reply,
          400,
          errorPage('Choose Allow or Deny', 'The form did not say whether you allow access.'),
        );
      const { scope } = await authorization.question(request, current.user);
      await authorization.remember(request, current.user, scope);
      return redirect(reply, 303, await authorization.approve(request, current.user, scope));
    });
  });
}
