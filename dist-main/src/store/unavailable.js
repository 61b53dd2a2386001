// Tells a database outage (retry later: 503) from a bug (500). R32, R36, R54.
const NETWORK_CODES = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EPIPE',
    'ENOTFOUND',
    'EHOSTUNREACH',
    'SQLITE_BUSY',
    'SQLITE_IOERR',
    'SQLITE_FULL',
]);
export function isStoreUnavailable(err) {
    for (let e = err, depth = 0; e && depth < 5; e = e.cause, depth++) {
        const code = typeof e.code === 'string' ? e.code : '';
        if (NETWORK_CODES.has(code))
            return true;
        // PostgreSQL: class 08 connection exception, 57P0x shutdown, 53xxx insufficient resources.
        if (/^(08|57P0|53)/.test(code))
            return true;
        const msg = typeof e.message === 'string' ? e.message : '';
        if (/timeout exceeded when trying to connect|Query read timeout|Connection terminated unexpectedly|Connection terminated|connection is closed|Client has encountered a connection error/i.test(msg))
            return true;
    }
    return false;
}
//# sourceMappingURL=unavailable.js.map