import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eachAloneOnFailure, GroupCommit } from './write-batcher.js';

describe('group commit of token writes', () => {
  it('commits the writes of one turn of the event loop together, in batches of at most maxBatch', async () => {
    const batches: string[][] = [];
    const group = new GroupCommit<string, string>((ops) => {
      batches.push([...ops]);
      return ops.map((op) => ({ ok: true, value: op.toUpperCase() }));
    }, 3);
    const all = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((op) => group.run(op)));
    assert.deepEqual(all, ['A', 'B', 'C', 'D', 'E']);
    assert.deepEqual(batches, [
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
  });

  it('while a batch commits, holds the next until it has minBatchWhileBusy writes or none commits', async () => {
    const batches: string[][] = [];
    const done: (() => void)[] = [];
    const group = new GroupCommit<string, string>(
      (ops) => {
        batches.push([...ops]);
        return new Promise((resolve) =>
          done.push(() => resolve(ops.map((op) => ({ ok: true, value: op })))),
        );
      },
      64,
      4,
      setImmediate,
      3,
    );
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    const answers = [group.run('a')];
    await turn();
    assert.deepEqual(batches, [['a']]); // nothing committing: at once
    answers.push(group.run('b'));
    await turn();
    await turn();
    assert.deepEqual(batches, [['a']]); // one write while 'a' commits: it waits
    answers.push(group.run('c'), group.run('d'));
    await turn();
    assert.deepEqual(batches, [['a'], ['b', 'c', 'd']]);
    answers.push(group.run('e'));
    done[0]!(); // 'b, c, d' still commits: 'e' still waits
    await turn();
    await turn();
    assert.equal(batches.length, 2);
    done[1]!();
    await turn();
    await turn();
    assert.deepEqual(batches[2], ['e']);
    done[2]!();
    assert.deepEqual(await Promise.all(answers), ['a', 'b', 'c', 'd', 'e']);
  });

  it('answers each write with its own outcome, fails a batch whose commit failed, and keeps going', async () => {
    let calls = 0;
    const group = new GroupCommit<string, string>((ops) => {
      calls++;
      if (ops.includes('crash')) throw new Error('commit failed');
      return ops.map((op) =>
        op === 'bad' ? { ok: false, error: new Error('bad write') } : { ok: true, value: op },
      );
    });
    const first = await Promise.allSettled([group.run('x'), group.run('bad'), group.run('y')]);
    assert.deepEqual(
      first.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message)),
      ['x', 'bad write', 'y'],
    );
    const second = await Promise.allSettled([group.run('z'), group.run('crash')]);
    assert.deepEqual(
      second.map((r) => r.status),
      ['rejected', 'rejected'],
    );
    assert.equal(await group.run('after'), 'after');
    assert.equal(calls, 3);
  });

  it('commits each write alone when the batch fails, so only the bad one fails', async () => {
    const committed: string[] = [];
    const outcomes = await eachAloneOnFailure(
      ['a', 'bad', 'c'],
      (ops) => {
        if (ops.includes('bad')) throw new Error('batch rolled back');
        committed.push(...ops);
        return ops.map(() => 'ok');
      },
      (op) => {
        if (op === 'bad') throw new Error('bad write');
        committed.push(op);
        return 'alone';
      },
    );
    assert.deepEqual(
      outcomes.map((o) => (o.ok ? o.value : (o.error as Error).message)),
      ['alone', 'bad write', 'alone'],
    );
    assert.deepEqual(committed, ['a', 'c']);
  });
});
