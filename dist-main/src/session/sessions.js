import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
const hashId = (id) => createHash('sha256').update(id).digest('base64url');
// 256 bits from the CSPRNG (OWASP Session Management: at least 64 bits of entropy).
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;
/** Constant-time string comparison for the CSRF token. */
export function sameToken(a, b) {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
}
/** Web UI sessions: random ids stored hashed, idle and absolute expiry, a CSRF token each. */
export function createSessionService(deps) {
    const now = deps.now ?? Date.now;
    const idleMs = deps.timeouts.idleSeconds * 1000;
    const absoluteMs = deps.timeouts.absoluteSeconds * 1000;
    // Write last_seen_at at most this often: a page making many calls costs one write a minute.
    const touchEveryMs = Math.min(60_000, idleMs / 10);
    return {
        timeouts: deps.timeouts,
        /**
         * A fresh session for a user who just proved their password. The previous session of this
         * browser, if any, is ended: the id always changes at sign-in (no session fixation).
         */
        async start(userId, previousId) {
            if (previousId)
                await deps.store.remove(hashId(previousId));
            const id = randomBytes(32).toString('base64url');
            const csrfToken = randomBytes(32).toString('base64url');
            const t = now();
            const record = {
                idHash: hashId(id),
                userId,
                csrfToken,
                createdAt: t,
                lastSeenAt: t,
                expiresAt: t + absoluteMs,
            };
            await deps.store.create(record);
            return { id, csrfToken, expiresAt: record.expiresAt };
        },
        /** The live session with this id, or undefined (unknown, idle too long or past its end). */
        async resume(id) {
            if (!SESSION_ID.test(id))
                return undefined;
            const idHash = hashId(id);
            const record = await deps.store.find(idHash);
            if (!record)
                return undefined;
            const t = now();
            if (t >= record.expiresAt || t - record.lastSeenAt >= idleMs) {
                await deps.store.remove(idHash);
                return undefined;
            }
            if (t - record.lastSeenAt >= touchEveryMs)
                await deps.store.touch(idHash, t);
            return record;
        },
        end: (id) => (SESSION_ID.test(id) ? deps.store.remove(hashId(id)) : Promise.resolve()),
        endAllFor: (userId) => deps.store.removeUser(userId),
        purgeExpired: () => deps.store.purge(now(), now() - idleMs),
    };
}
//# sourceMappingURL=sessions.js.map