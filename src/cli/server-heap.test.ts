import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { SEMI_SPACE_MB } from './server-heap.js';

const MB = 1024 * 1024;

/**
 * A node process that calls holdServerHeap(), then allocates a few hundred MB of short-lived
 * objects beside a live set (what makes V8 grow its young generation) in short tasks, with a
 * worker thread started halfway if asked, and prints the size of its young generation (two
 * semi-spaces).
 */
function youngGenerationAfterLoad(nodeArgs: string[] = [], withWorker = false): number {
  const code = `
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
      const w = new Worker('setTimeout(() => {}, 10)', { eval: true });
      await new Promise((ok) => w.on('online', ok));
    }
    await load();
    const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    console.log(young.space_size);
  `;
  const out = execFileSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', code], {
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
