import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ControlPlane, GatewaySnapshot, JsonWebKeySet } from './snapshot.js';

/**
 * A Gateway apart from its control plane keeps the last configuration and signing keys it
 * received on disk (data/gateway/, mode 0600), so that when it restarts while the control
 * plane is down it serves that configuration instead of answering 503 (R56). The copies on
 * disk are used only until the control plane answers once.
 */
export function withLastKnownConfig(inner: ControlPlane, dir: string): ControlPlane {
  const snapshotFile = join(dir, 'snapshot.json');
  const jwksFile = join(dir, 'jwks.json');
  let snapshotReached = false;
  let jwksReached = false;

  const save = (file: string, value: unknown) => {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      // A temporary file per process: several workers of one Gateway save the same copy.
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(value), { mode: 0o600 });
      renameSync(tmp, file); // atomic: a crash never leaves half a file
    } catch {
      /* best effort: serving traffic matters more than the copy */
    }
  };
  const load = <T>(file: string): T | undefined => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as T;
    } catch {
      return undefined;
    }
  };

  return {
    async snapshot(etag) {
      try {
        const next = await inner.snapshot(etag);
        snapshotReached = true;
        if (next) save(snapshotFile, next);
        return next;
      } catch (err) {
        const saved = snapshotReached
          ? undefined
          : load<{ etag: string; snapshot: GatewaySnapshot }>(snapshotFile);
        if (!saved || saved.etag === etag) throw err;
        return saved;
      }
    },
    async jwks() {
      try {
        const keys = await inner.jwks();
        jwksReached = true;
        save(jwksFile, keys);
        return keys;
      } catch (err) {
        const saved = jwksReached ? undefined : load<JsonWebKeySet>(jwksFile);
        if (!saved) throw err;
        return saved;
      }
    },
    introspect: (token) => inner.introspect(token),
    close: () => inner.close(),
  };
}
