import type { RefreshTokenRecord, TokenFamily } from '../keymanager/model.js';
import type { RefreshClaim } from '../keymanager/store.js';

const UNKNOWN: RefreshClaim = { kind: 'unknown' };

/** Drops the oldest entries of `map` until it has room for one more. */
function makeRoom<K, V>(map: Map<K, V>, max: number): void {
  for (const key of map.keys()) {
    if (map.size < max) return;
    map.delete(key);
  }
}

/**
 * The refresh tokens this process issued that nobody has presented to it since (PostgreSQL):
 * a client's next refresh then needs no read before its rotation, one round trip instead of
 * two. Only what never changes after an issuance is taken from here (client, family, scope,
 * expiry, user); whether the token is still unconsumed and unrevoked, and its family
 * unrevoked, the rotation's conditional UPDATE checks in the database, and a rotation that lost
 * is decided on the row as read then (refresh-token.ts). A token is handed out once (claim):
 * a second request presenting it while the first holds it learns how the first ended.
 * Bounded: the oldest entries go first, and a token not found here is read as before.
 */
export class IssuedRefreshTokens {
  private readonly tokens = new Map<string, RefreshTokenRecord>();
  private readonly families = new Map<string, TokenFamily>();
  private readonly held = new Map<string, Promise<boolean>>();

  constructor(private readonly max = 10_000) {}

  /** A family as stored when this process created or read it (an unrevoked one only). */
  rememberFamily(family: TokenFamily): void {
    if (family.revokedAt !== null || this.families.has(family.id)) return;
    makeRoom(this.families, this.max);
    this.families.set(family.id, family);
  }

  /** A refresh token this process has just committed (`newFamily`: the family it started). */
  remember(refresh: RefreshTokenRecord, newFamily?: TokenFamily): void {
    if (newFamily) this.rememberFamily(newFamily);
    if (refresh.consumedAt !== null || refresh.revokedAt !== null) return;
    if (!this.families.has(refresh.familyId)) return;
    makeRoom(this.tokens, this.max);
    this.tokens.set(refresh.tokenHash, refresh);
  }

  /** The token is being rotated by other means (the store's rotation): not handed out again. */
  forget(tokenHash: string): void {
    this.tokens.delete(tokenHash);
  }

  claim(tokenHash: string): RefreshClaim {
    const holder = this.held.get(tokenHash);
    if (holder) return { kind: 'held', rotated: holder };
    const refresh = this.tokens.get(tokenHash);
    const family = refresh && this.families.get(refresh.familyId);
    if (!refresh || !family) return UNKNOWN;
    this.tokens.delete(tokenHash);
    let settle: (rotated: boolean) => void = () => undefined;
    this.held.set(
      tokenHash,
      new Promise<boolean>((resolve) => {
        settle = resolve;
      }),
    );
    let holding = true;
    return {
      kind: 'issued',
      state: { ...refresh, family },
      release: (rotated) => {
        if (!holding) return;
        holding = false;
        this.held.delete(tokenHash);
        settle(rotated);
      },
    };
  }
}
