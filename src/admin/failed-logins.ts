const HOUR_MS = 3_600_000;

/**
 * Failed sign-ins per hour (Token API password grant and web sign-in), in memory since this
 * process started, for the admin's statistics chart.
 * TODO(audit): count from the audit_events table once it lands (being built on another
 * branch), so the chart survives restarts and covers every node.
 */
export function createFailedLoginCounter(now: () => number = Date.now, keepHours = 24 * 7) {
  const buckets = new Map<number, number>();
  const startedAt = now();
  return {
    record(): void {
      const hour = Math.floor(now() / HOUR_MS);
      buckets.set(hour, (buckets.get(hour) ?? 0) + 1);
      for (const h of buckets.keys()) if (h < hour - keepHours) buckets.delete(h);
    },
    /** Counts per hour over the last `hours`, oldest first, zeros included. */
    hourly(hours: number): { since: number; hours: Array<{ hour: number; count: number }> } {
      const last = Math.floor(now() / HOUR_MS);
      const list = [];
      for (let h = last - hours + 1; h <= last; h++) list.push({ hour: h * HOUR_MS, count: buckets.get(h) ?? 0 });
      return { since: startedAt, hours: list };
    },
  };
}

export type FailedLoginCounter = ReturnType<typeof createFailedLoginCounter>;
