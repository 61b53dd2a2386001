import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { SEMI_SPACE_MB } from './server-heap.js';

const MB = 1024 * 1024;

/**
 * A node process that calls holdServerHeap(), then allocates a few hundred MB of short-lived
 * objects beside a live set (what makes V8 grow its young generation) in short tasks, and
 * prints the size of its young generation (two semi-spaces). With `withWorker`, it then starts
 * a worker thread and, in the one task right after the thread is online, keeps 50 MB of new
 * objects: their scavenges grow the semi-space if V8's growth factor is 2 then (a new isolate
 * sets it back to 2), and no check after a collection can run within that task. A minor
 * collection first empties the young generation, and its check is heard, so that no collection
 * falls between the thread's start and that task (its check would hide a missing one).
 */
function youngGenerationAfterLoad(nodeArgs: string[] = [], withWorker = false): number {
  const code = `
    import { PerformanceObserver } from 'node:perf_hooks';
    import { getHeapSpaceStatistics } from 'node:v8';
    import { Worker } from 'node:worker_threads';
    import { holdServerHeap } from ${JSON.stringify(new URL('./server-heap.js', import.meta.url).href)};
    holdServerHeap();
    const live = [];
    let sink;
    // In short tasks, as a server's requests are.
    const load = async () => {
      for (let i = 0; i < 1e6; i++) {
        sink = { a: i, b: 'x' + i, c: [i, i + 1], d: { e: i } };
        if (i % 10 === 0) { live.push(sink); if (live.length > 40000) live.splice(0, 20000); }
        if (i % 5000 === 0) await new Promise((ok) => setImmediate(ok));
      }
    };
    await load();
    if (${withWorker}) {
      await new Promise((ok) => {
        // A pending observer does not keep a process alive: this timer does, until it is heard.
        const alive = setInterval(() => {}, 1000);
        const seen = new PerformanceObserver(() => (seen.disconnect(), clearInterval(alive), ok()));
        seen.observe({ entryTypes: ['gc'] });
        gc({ type: 'minor' });
      });
      const w = new Worker('setTimeout(() => {}, 10)', { eval: true });
      await new Promise((ok) => w.on('online', ok));
      const kept = [];
      for (let i = 0; i < 1e6; i++) kept.push({ a: i, b: [i] });
      live.push(kept);
    } else {
      await load();
    }
    const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    console.log(young.space_size);
  `;
  const args = [...nodeArgs, ...(withWorker ? ['--expose-gc'] : [])];
  const out = execFileSync(process.execPath, [...args, '--input-type=module', '-e', code], {
    encoding: 'utf8',
  });
  return Number(out.trim());
}

describe('a server process heap', () => {
  it('holds the young generation at two semi-spaces of SEMI_SPACE_MB under allocation', () => {
    const size = youngGenerationAfterLoad();
    assert.ok(size > 0 && size <= 2 * SEMI_SPACE_MB * MB, `young generation ${size / MB} MB`);
  });

  it("holds it when a worker thread starts under load (a new isolate puts V8's growth factor back)", () => {
    const size = youngGenerationAfterLoad([], true);
    assert.ok(size > 0 && size <= 2 * SEMI_SPACE_MB * MB, `young generation ${size / MB} MB`);
  });

  it("leaves node's own --max-semi-space-size to the operator", () => {
    const size = youngGenerationAfterLoad(['--max-semi-space-size=32']);
    assert.ok(size > 2 * SEMI_SPACE_MB * MB, `young generation ${size / MB} MB`);
  });
});
