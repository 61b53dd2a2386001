import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Call } from './messages.js';
import type { CountListener } from './primary-channel.js';
import { RemoteHitCounter } from './remote-counter.js';

const MINUTE = 60_000;

/** The primary's side, by hand: the calls the counter makes, answered when the test says. */
function fakePrimary() {
  const calls: Array<{ call: Call; answer: (v: unknown) => void }> = [];
  let listener: CountListener = () => undefined;
  return {
    calls,
    channel: {
      call: (call: Call) => new Promise<unknown>((answer) => calls.push({ call, answer })),
      counts: (l: CountListener) => void (listener = l),
    },
    tell: (key: string, windowEnd: number, count: number, version: number) =>
      listener(key, windowEnd, count, version),
  };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('RemoteHitCounter (a cluster worker)', () => {
  it('asks the primary for a key’s count once per window, then answers from what the primary tells it', async () => {
    const p = fakePrimary();
    let now = 10 * MINUTE + 5_000;
    const counter = new RemoteHitCounter(p.channel, () => now);
    const first = counter.peek('tf:ip:a', MINUTE);
    assert.equal(p.calls.length, 1);
    assert.deepEqual(p.calls[0]!.call, { method: 'watch', key: 'tf:ip:a', windowMs: MINUTE });
    p.calls[0]!.answer({ count: 2, windowEnd: 11 * MINUTE, watched: true, version: 7 });
    assert.deepEqual(await first, { count: 2, resetInMs: 55_000 });

    assert.deepEqual(await counter.peek('tf:ip:a', MINUTE), { count: 2, resetInMs: 55_000 });
    p.tell('tf:ip:a', 11 * MINUTE, 3, 8);
    assert.deepEqual(await counter.peek('tf:ip:a', MINUTE), { count: 3, resetInMs: 55_000 });
    p.tell('tf:ip:a', 0, 0, 9); // reset
    assert.equal((await counter.peek('tf:ip:a', MINUTE)).count, 0);
    p.tell('tf:ip:a', 11 * MINUTE, 1, 10);
    assert.equal((await counter.peek('tf:ip:a', MINUTE)).count, 1);
    assert.equal(p.calls.length, 1, 'no IPC call within the window');

    now = 11 * MINUTE; // the window ended: the next peek asks again
    const next = counter.peek('tf:ip:a', MINUTE);
    assert.equal(p.calls.length, 2);
    p.calls[1]!.answer({ count: 0, windowEnd: 12 * MINUTE, watched: true, version: 10 });
    assert.equal((await next).count, 0);
  });

  it('answers a kept count only after the I/O read in the same turn, so a change told with it counts', async () => {
    const p = fakePrimary();
    const counter = new RemoteHitCounter(p.channel, () => 5_000);
    const first = counter.peek('k', MINUTE);
    p.calls[0]!.answer({ count: 3, windowEnd: MINUTE, watched: true, version: 1 });
    await first;
    const peeked = counter.peek('k', MINUTE);
    p.tell('k', MINUTE, 4, 2); // read in the same turn as the request that peeks
    assert.equal((await peeked).count, 4);
  });

  it('keeps a change told while its watch answer was on its way, not the older answer', async () => {
    const p = fakePrimary();
    const counter = new RemoteHitCounter(p.channel, () => 5_000);
    const first = counter.peek('k', MINUTE);
    // The answer (version 4) and a later change (version 5) are handled before the caller resumes.
    p.calls[0]!.answer({ count: 1, windowEnd: MINUTE, watched: true, version: 4 });
    p.tell('k', MINUTE, 2, 5);
    assert.equal((await first).count, 2);
    await turn();
    assert.equal((await counter.peek('k', MINUTE)).count, 2);
    assert.equal(p.calls.length, 1);
  });

  it('asks the primary every time for a key it does not watch (too many watched keys)', async () => {
    const p = fakePrimary();
    const counter = new RemoteHitCounter(p.channel, () => 5_000);
    for (let i = 0; i < 2; i++) {
      const peeked = counter.peek('k', MINUTE);
      p.calls[i]!.answer({ count: 1, windowEnd: MINUTE, watched: false, version: 0 });
      assert.equal((await peeked).count, 1);
    }
    assert.equal(p.calls.length, 2);
  });

  it('sends hits and resets to the primary', async () => {
    const p = fakePrimary();
    const counter = new RemoteHitCounter(p.channel, () => 5_000);
    const hit = counter.hit('k', MINUTE);
    p.calls[0]!.answer({ count: 1, resetInMs: 55_000 });
    assert.deepEqual(await hit, { count: 1, resetInMs: 55_000 });
    const reset = counter.reset('k');
    assert.deepEqual(p.calls[1]!.call, { method: 'reset', key: 'k' });
    p.calls[1]!.answer(undefined);
    await reset;
  });
});
