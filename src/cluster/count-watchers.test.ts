import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CountWatchers, windowEndOf } from './count-watchers.js';
import type { ToWorker } from './messages.js';

describe('CountWatchers (the cluster primary)', () => {
  it('tells each worker watching a key its changes until its window ends, numbered in order', async () => {
    const sent: Array<[string, ToWorker]> = [];
    let now = 1_000;
    const w = new CountWatchers<string>(
      async (worker, m) => void sent.push([worker, m]),
      () => now,
    );
    assert.equal(w.watch('a', 'k', 60_000), true);
    assert.equal(w.watch('b', 'k', 60_000), true);
    assert.equal(w.version, 0);
    await w.tell('k', 60_000, 1);
    await w.tell('other', 60_000, 1);
    assert.deepEqual(sent, [
      ['a', { tg: 'count', key: 'k', windowEnd: 60_000, count: 1, version: 1 }],
      ['b', { tg: 'count', key: 'k', windowEnd: 60_000, count: 1, version: 1 }],
    ]);
    assert.equal(w.version, 1);
    w.forget('a');
    now = 59_999;
    await w.tell('k', 0, 0);
    assert.deepEqual(sent.slice(2), [
      ['b', { tg: 'count', key: 'k', windowEnd: 0, count: 0, version: 2 }],
    ]);
    now = 60_000; // b's window ended: nobody watches k any more
    await w.tell('k', 120_000, 1);
    assert.equal(sent.length, 3);
    assert.equal(w.size, 0);
  });

  it('finds the end of a count’s fixed window despite the milliseconds since it was counted', () => {
    assert.equal(windowEndOf({ count: 1, resetInMs: 30_000 }, 60_000, 90_003), 120_000);
    assert.equal(windowEndOf({ count: 1, resetInMs: 1 }, 60_000, 60_000 - 1), 60_000);
  });
});
