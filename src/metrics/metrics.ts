import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

export interface HashPoolLoad {
  readonly load: { readonly active: number; readonly queued: number };
}

/**
 * Prometheus metrics of one process, in their own registry (no global state): refusals by
 * audit type and reason, tokens issued, the password-hashing pool, audit events lost.
 */
export function createMetrics(opts: { hashPool?: HashPoolLoad; auditDropped?: () => number } = {}) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tollgate_' });
  const refusals = new Counter({
    name: 'tollgate_audit_events_total',
    help: 'Audit events (refusals, locks, unlocks) by type and reason code.',
    labelNames: ['type', 'reason'] as const,
    registers: [registry],
  });
  const issued = new Counter({
    name: 'tollgate_tokens_issued_total',
    help: 'Tokens issued by grant type.',
    labelNames: ['grant_type'] as const,
    registers: [registry],
  });
  const revoked = new Counter({
    name: 'tollgate_tokens_revoked_total',
    help: 'Tokens revoked through the revocation endpoint.',
    registers: [registry],
  });
  // Each worker of `tollgate start` has its own registry: a scrape says which one answered.
  new Gauge({
    name: 'tollgate_process_pid',
    help: 'The id of the process that answered this scrape (each worker has its own counters).',
    registers: [registry],
    collect() {
      this.set(process.pid);
    },
  });
  if (opts.hashPool) {
    const pool = opts.hashPool;
    new Gauge({
      name: 'tollgate_password_hash_active',
      help: 'Password hashes being computed.',
      registers: [registry],
      collect() {
        this.set(pool.load.active);
      },
    });
    new Gauge({
      name: 'tollgate_password_hash_queued',
      help: 'Password checks waiting for a hashing slot.',
      registers: [registry],
      collect() {
        this.set(pool.load.queued);
      },
    });
  }
  if (opts.auditDropped) {
    const dropped = opts.auditDropped;
    new Gauge({
      name: 'tollgate_audit_events_dropped',
      help: 'Audit events lost (buffer full or database down).',
      registers: [registry],
      collect() {
        this.set(dropped());
      },
    });
  }
  return {
    registry,
    refusal: (type: string, reason: string) => refusals.inc({ type, reason }),
    issued: (grantType: string) => issued.inc({ grant_type: grantType }),
    revoked: () => revoked.inc(),
    contentType: registry.contentType,
    text: () => registry.metrics(),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
