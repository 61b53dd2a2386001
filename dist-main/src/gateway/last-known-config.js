import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
/**
 * A Gateway apart from its control plane keeps the last configuration and signing keys it
 * received on disk (data/gateway/, mode 0600), so that when it restarts while the control
 * plane is down it serves that configuration instead of answering 503 (R56). The copies on
 * disk are used only until the control plane answers once.
 */
export function withLastKnownConfig(inner, dir) {
    const snapshotFile = join(dir, 'snapshot.json');
    const jwksFile = join(dir, 'jwks.json');
    let snapshotReached = false;
    let jwksReached = false;
    const save = (file, value) => {
        try {
            mkdirSync(dir, { recursive: true, mode: 0o700 });
            writeFileSync(`${file}.tmp`, JSON.stringify(value), { mode: 0o600 });
            renameSync(`${file}.tmp`, file); // atomic: a crash never leaves half a file
        }
        catch {
            /* best effort: serving traffic matters more than the copy */
        }
    };
    const load = (file) => {
        try {
            return JSON.parse(readFileSync(file, 'utf8'));
        }
        catch {
            return undefined;
        }
    };
    return {
        async snapshot(etag) {
            try {
                const next = await inner.snapshot(etag);
                snapshotReached = true;
                if (next)
                    save(snapshotFile, next);
                return next;
            }
            catch (err) {
                const saved = snapshotReached
                    ? undefined
                    : load(snapshotFile);
                if (!saved || saved.etag === etag)
                    throw err;
                return saved;
            }
        },
        async jwks() {
            try {
                const keys = await inner.jwks();
                jwksReached = true;
                save(jwksFile, keys);
                return keys;
            }
            catch (err) {
                const saved = jwksReached ? undefined : load(jwksFile);
                if (!saved)
                    throw err;
                return saved;
            }
        },
        introspect: (token) => inner.introspect(token),
        close: () => inner.close(),
    };
}
//# sourceMappingURL=last-known-config.js.map