type PromClient = typeof import('prom-client');

export interface HashPoolLoad {
  readonly load: { readonly active: number; readonly queued: number };
}

export interface MetricsOptions {
  readonly hashPool?: HashPoolLoad;
  readonly auditDropped?: () => number;
}

/**
 * Prometheus metrics of one process, in their own registry (no global state): refusals by
 * audit type and reason, tokens issued, the password-hashing pool, audit events lost.
 *
 * prom-client (with what it loads, a tenth of `tollgate start`'s module loading) is loaded by
 * `load()`, which start-up calls once the ports are open, or by the first event or scrape; an
 * event counted before it is there is applied once it is.
 */
export function createMetrics(opts: MetricsOptions = {}) {
  type Built = ReturnType<typeof build>;
  let built: Built | undefined;
  let loading: Promise<Built> | undefined;
  const pending: Array<(m: Built) => void> = [];
  const load = (): Promise<Built> =>
    (loading ??= import('prom-client').then((prom) => {
      // A CommonJS package: its exports object is the default export (in the bundle too).
      built = build(prom.default, opts);
      for (const apply of pending.splice(0)) apply(built);
      return built;
    }));
  const count = (apply: (m: Built) => void): void => {
    if (built) return apply(built);
    pending.push(apply);
    load().catch(() => undefined); // a scrape reports the failure
  };
  return {
    /** Loads prom-client now (start-up: once the ports are open). */
    load: async (): Promise<void> => {
      await load();
    },
    refusal: (type: string, reason: string) => count((m) => m.refusals.inc({ type, reason })),
    issued: (grantType: string) => count((m) => m.issued.inc({ grant_type: grantType })),
    revoked: () => count((m) => m.revoked.inc()),
    /** The exposition: its content type and text. */
    scrape: async (): Promise<{ contentType: string; text: string }> => {
      const m = await load();
      return { contentType: m.registry.contentType, text: await m.registry.metrics() };
    },
  };
}

function build(prom: PromClient, opts: MetricsOptions) {
  const { collectDefaultMetrics, Counter, Gauge, Registry } = prom;
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
  return { registry, refusals, issued, revoked };
}

export type Metrics = ReturnType<typeof createMetrics>;
