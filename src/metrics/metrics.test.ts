import assert from 'node:assert/strict';
import perfHooks from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { createMetrics, EVENT_LOOP_SAMPLE_MS } from './metrics.js';

describe('metrics', () => {
  it('samples the event-loop delay every 100 ms, not every 10 ms (a wakeup of every server process each time)', async () => {
    // prom-client makes its event-loop delay histogram with perf_hooks.monitorEventLoopDelay,
    // looked up on the module object when the default metrics are set up (at load()).
    const resolutions: number[] = [];
    const real = perfHooks.monitorEventLoopDelay;
    perfHooks.monitorEventLoopDelay = (options) => {
      resolutions.push(options?.resolution ?? 10);
      return real(options);
    };
    try {
      const metrics = createMetrics();
      await metrics.load();
      const { text } = await metrics.scrape();
      assert.match(text, /tollgate_nodejs_eventloop_lag_max_seconds/);
    } finally {
      perfHooks.monitorEventLoopDelay = real;
    }
    assert.deepEqual(resolutions, [EVENT_LOOP_SAMPLE_MS]);
    assert.ok(EVENT_LOOP_SAMPLE_MS >= 100);
  });
});
