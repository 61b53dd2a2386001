import type { Gone, UserService } from '../../identity/index.js';
import type { FormParams } from '../endpoints/form.js';
import type { EventSink } from '../events.js';
import type { LoginThrottle } from '../login-throttle.js';
import type { Client, Issuance, TokenFamily } from '../model.js';
import type { AuthorizationStore, ScopeStore, TokenStore } from '../store.js';
import type { Subject } from '../token-issuer.js';

export interface GrantRequest {
  readonly client: Client;
  readonly form: FormParams;
  readonly ip: string;
  /** When the request arrived (the refresh grant tells a race from a replay by it, R30). */
  readonly now: number;
  /** True once the client can no longer receive the answer (its connection closed). */
  readonly gone?: Gone;
}

/**
 * What a grant decided, once it has validated everything: the token endpoint mints, stores
 * and announces the tokens from it (endpoints/issue.ts), the same way for every grant.
 */
export interface GrantDecision {
  readonly scope: readonly string[];
  /** The user the tokens act for; absent = the client itself (its sub is the consumer key, R40). */
  readonly subject?: Subject;
  /**
   * A refresh token in a new family ('new') or in this existing family; absent = none. It is
   * issued only when the client may refresh (refreshAllowed).
   */
  readonly refresh?: 'new' | TokenFamily;
  /**
   * Stores the issuance when that must happen in one transaction with the grant's own state
   * change (refresh rotation, R30); it throws the grant's error when the change lost a race.
   * Absent = the issuance is saved as it is (R52).
   */
  readonly commit?: (issuance: Issuance) => Promise<void>;
  /** Called instead of commit when no tokens could be minted: lets go of what the grant holds. */
  readonly abandon?: () => void;
}

export type GrantHandler = (request: GrantRequest) => Promise<GrantDecision>;

/** Everything a grant may use; the key manager builds it once for all grants. */
export interface GrantDeps {
  readonly users: UserService;
  readonly scopes: ScopeStore;
  readonly tokens: TokenStore;
  /** Authorization codes (the authorization_code grant). */
  readonly authorizations: AuthorizationStore;
  readonly events: EventSink;
  /** Per-address throttles (R16, R22); absent = none. */
  readonly throttle?: LoginThrottle;
  /** After a shed password grant, its connection is not read for this long (ShedError). */
  readonly shedPauseMs: number;
  /** Read again at a commit, so consumed_at is the moment of consumption, not of the request. */
  readonly clock: () => number;
}

/**
 * One grant type (RFC 6749 §4, §6): its wire name, the label the UIs show, the doc line of its
 * `[oauth.grant_type.<name>] enable` switch, the form parameters it reads besides grant_type
 * and client authentication, and its handler, which validates fully and returns a decision.
 */
export interface GrantModule<Name extends string = string> {
  readonly name: Name;
  readonly label: string;
  readonly doc: string;
  readonly parameters: readonly string[];
  create(deps: GrantDeps): GrantHandler;
}

/** Keeps the grant's wire name as a literal type, so the registry yields the GrantType union. */
export function defineGrant<const Name extends string>(
  grant: GrantModule<Name>,
): GrantModule<Name> {
  return Object.freeze(grant);
}
