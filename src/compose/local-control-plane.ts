import type { ControlPlane } from '../gateway/index.js';
import type { KeyManager } from '../keymanager/index.js';
import type { SnapshotBuilder } from './gateway-snapshot.js';

/** The control plane in the same process (all-in-one): the same answers, without HTTP. */
export function createLocalControlPlane(build: SnapshotBuilder, km: KeyManager): ControlPlane {
  return {
    async snapshot(etag) {
      const next = await build();
      return next.etag === etag ? undefined : { etag: next.etag, snapshot: next.snapshot };
    },
    introspect: (token) => km.introspectForGateway(token),
    jwks: async () => km.jwks() as unknown as { keys: Record<string, unknown>[] },
    close: async () => {},
  };
}
