import { hash, randomBytes, randomFillSync, timingSafeEqual } from 'node:crypto';

// Client ids, secrets and opaque tokens use base64url: only [A-Za-z0-9_-], so the raw and
// the form-encoded forms are the same and a plain base64(key:secret) always works (R15).

export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

// Random bytes for tokens are taken from a pool filled 4 KiB at a time (as node:crypto's own
// randomUUID does): one CSPRNG call per 100 tokens instead of one each. No byte is used twice.
const pool = Buffer.alloc(4096);
let used = pool.length;
function pooledRandom(bytes: number): Buffer {
  if (used + bytes > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += bytes;
  return pool.subarray(used - bytes, used);
}

/** 160-bit consumer key, 256-bit consumer secret, 256-bit opaque and refresh tokens. */
export const newConsumerKey = () => randomToken(20);
export const newConsumerSecret = () => randomToken(32);

/**
 * Opaque access and refresh tokens: 256 random bits after the issue time in milliseconds as
 * 12 hex digits. The time prefix makes the stored keys (tokenKey) grow in issue order, so a
 * new token is appended to the end of the token indexes instead of dirtying a random index
 * page per token (SQLite writes whole pages at each commit, PostgreSQL after a checkpoint):
 * that was most of a token's storage cost. It tells the holder only when it was issued.
 */
export function newOpaqueToken(now = Date.now()): string {
  return now.toString(16).padStart(12, '0').slice(-12) + pooledRandom(32).toString('base64url');
}

const TIME_PREFIXED = /^[0-9a-f]{12}[A-Za-z0-9_-]{43}$/;

/**
 * The stored, indexed form of an opaque token: its SHA-256 (hashSecret), behind the token's
 * time prefix when it has one (tokens issued before the prefix are looked up by hash alone).
 */
export function tokenKey(token: string): string {
  return TIME_PREFIXED.test(token) ? token.slice(0, 12) + hashSecret(token) : hashSecret(token);
}

/**
 * A UUIDv7 (RFC 9562 §5.7): 48 bits of milliseconds, then 74 random bits. Token ids (jti) and
 * family ids are primary keys and indexed: in time order they are appended, not scattered.
 */
export function newTimeOrderedId(now = Date.now()): string {
  const b = Buffer.from(pooledRandom(16));
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * Secrets and tokens are random with ≥ 160 bits of entropy, so a plain SHA-256 is a
 * sufficient one-way function for storing them (RFC 6749 §10.4, R15, R51).
 */
export function hashSecret(secret: string): string {
  // The one-shot form: no Hash object per call (half the cost on the token path).
  return hash('sha256', secret, 'base64url');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
