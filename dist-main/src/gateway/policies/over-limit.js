const MINUTE = 60_000;
/** Counts one hit on `key` in the current minute; throws `fault(Retry-After seconds)` when it is over `limit`. */
export async function refuseOverLimit(counter, key, limit, fault) {
    const w = await counter.hit(key, MINUTE);
    if (w.count > limit)
        throw fault(Math.max(1, Math.ceil(w.resetInMs / 1000)));
}
//# sourceMappingURL=over-limit.js.map