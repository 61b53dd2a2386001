const UNITS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** "15m", "2h", "7d" (ago) or an ISO 8601 time → epoch ms; undefined when neither. */
export function parseSince(text, now) {
    const rel = /^(\d{1,6})([smhd])$/.exec(text.trim());
    if (rel)
        return now - Number(rel[1]) * UNITS[rel[2]];
    if (!/^\d{4}-\d{2}-\d{2}/.test(text))
        return undefined;
    const t = Date.parse(text);
    return Number.isNaN(t) ? undefined : t;
}
//# sourceMappingURL=since.js.map