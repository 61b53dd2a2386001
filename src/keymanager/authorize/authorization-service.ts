import type { GrantType } from '../../config/index.js';
import { ENVIRONMENTS, type Application, type Consent } from '../model.js';
import { DEFAULT_SCOPE, grantScopes } from '../scopes.js';
import { hashSecret, randomToken } from '../secrets.js';
import type { ApplicationStore, AuthorizationStore, ScopeStore, TokenStore } from '../store.js';
import {
  checkAuthorizationRequest,
  type AuthorizationRequest,
  type AuthorizeErrorCode,
} from './authorization-request.js';

/** RFC 6749 §4.1.2: "A maximum authorization code lifetime of 10 minutes is RECOMMENDED"; 60 s here. */
export const CODE_LIFETIME_MS = 60_000;

/** The signed-in user the code is for. */
export interface ResourceOwner {
  readonly id: string;
  readonly roles: readonly string[];
}

/** What the user is asked, or not, once signed in. */
export interface ConsentQuestion {
  /** The scopes the user's roles allow among those requested ("default" when none). */
  readonly scope: readonly string[];
  /** False for a first-party application, or when the user already consented to these scopes. */
  readonly ask: boolean;
}

/** Appends the response parameters to the redirect URI (RFC 6749 §4.1.2, RFC 9207 §2). */
export function redirectWith(
  redirectUri: string,
  params: Record<string, string | undefined>,
): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.append(k, v);
  // §3.1.2: a registered query component is kept; the URI has no fragment (refused at registration).
  return `${redirectUri}${redirectUri.includes('?') ? '&' : '?'}${q.toString()}`;
}

/**
 * The authorization endpoint's decisions, independent of HTTP: check a request, say whether
 * consent is needed, remember it, issue a code (single use, 60 s, bound to client, redirect
 * URI and PKCE challenge) and build the redirect back to the client. Every redirect carries
 * `iss` (RFC 9207) so a client talking to several servers can tell which one answered.
 */
export function createAuthorizationService(deps: {
  issuer: string;
  applications: ApplicationStore;
  authorizations: AuthorizationStore;
  scopes: ScopeStore;
  tokens: TokenStore;
  grantEnabled: (grant: GrantType) => Promise<boolean>;
  now: () => number;
}) {
  const { authorizations } = deps;
  return {
    issuer: deps.issuer,

    check: (rawQuery: string) => checkAuthorizationRequest(deps, rawQuery),

    async question(req: AuthorizationRequest, user: ResourceOwner): Promise<ConsentQuestion> {
      const scope = await grantScopes(deps.scopes, req.scope, user.roles);
      if (req.client.application.firstParty) return { scope, ask: false };
      const given = await authorizations.findConsent(user.id, req.client.application.id);
      return { scope, ask: !given || !scope.every((s) => given.scope.includes(s)) };
    },

    /** The scopes with their descriptions, for the consent page. */
    async describe(scope: readonly string[]) {
      const defined = await deps.scopes.findMany(scope.filter((s) => s !== DEFAULT_SCOPE));
      return scope.map((name) => ({
        name,
        description:
          name === DEFAULT_SCOPE
            ? 'call the APIs that need no particular scope'
            : (defined.find((d) => d.name === name)?.description ?? ''),
      }));
    },

    /** Remembers the consent (the union with what was given before) until the user revokes it. */
    async remember(req: AuthorizationRequest, user: ResourceOwner, scope: readonly string[]) {
      const applicationId = req.client.application.id;
      const before = await authorizations.findConsent(user.id, applicationId);
      await authorizations.saveConsent({
        userId: user.id,
        applicationId,
        scope: [...new Set([...(before?.scope ?? []), ...scope])],
        grantedAt: deps.now(),
      });
    },

    /** Issues a code and answers where to send the browser (RFC 6749 §4.1.2). */
    async approve(req: AuthorizationRequest, user: ResourceOwner, scope: readonly string[]) {
      const code = randomToken(32);
      const now = deps.now();
      await authorizations.saveCode({
        codeHash: hashSecret(code),
        consumerKey: req.client.key.consumerKey,
        userId: user.id,
        redirectUri: req.redirectUri,
        scope,
        codeChallenge: req.codeChallenge,
        createdAt: now,
        expiresAt: now + CODE_LIFETIME_MS,
        usedAt: null,
        familyId: null,
        accessJti: null,
      });
      return redirectWith(req.redirectUri, { code, state: req.state, iss: deps.issuer });
    },

    /** RFC 6749 §4.1.2.1 error response, with iss (RFC 9207 §2). */
    errorRedirect(
      redirectUri: string,
      state: string | undefined,
      error: AuthorizeErrorCode,
      description: string,
    ): string {
      return redirectWith(redirectUri, {
        error,
        error_description: description,
        state,
        iss: deps.issuer,
      });
    },

    /** The applications a user consented to, for the Developer Portal. */
    listConsents: (userId: string): Promise<Consent[]> => authorizations.listConsents(userId),

    /**
     * The user withdraws an application's consent: it is asked again next time, and the tokens
     * the user gave it (both key pairs) are revoked, as Keycloak's "Revoke" of an application.
     */
    async revokeConsent(userId: string, app: Application): Promise<boolean> {
      const removed = await authorizations.removeConsent(userId, app.id);
      for (const env of ENVIRONMENTS) {
        const key = await deps.applications.findKey(app.id, env);
        if (key) await deps.tokens.revokeUserClient(userId, key.consumerKey, deps.now());
      }
      return removed;
    },
  };
}

export type AuthorizationService = ReturnType<typeof createAuthorizationService>;
