// A server process hands the free pages of its C heap back to the system (glibc's malloc_trim).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';

const glibc =
  process.platform === 'linux' &&
  Boolean(
    (process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header
      ?.glibcVersionRuntime,
  );

describe('native heap trim', () => {
  it('returns the pages that free() kept to the system (glibc)', { skip: !glibc }, () => {
    // 128 MB of 16 KB Buffers (C heap, below glibc's mmap threshold) with a small one kept
    // every 50 so the freed ones cannot all merge into the top of the heap, where free() would
    // give them back by itself; then the big ones are dropped and collected.
    const code = `
      import { trimNativeHeap } from ${JSON.stringify(new URL('./native-heap.js', import.meta.url).href)};
      let big = [];
      const kept = [];
      for (let i = 0; i < 8192; i++) {
        big.push(Buffer.alloc(16384, 1));
        if (i % 50 === 0) kept.push(Buffer.alloc(5000, 2));
      }
      big = null;
      for (let i = 0; i < 3; i++) {
        gc();
        await new Promise((ok) => setTimeout(ok, 50));
      }
      const before = process.memoryUsage.rss();
      const ran = trimNativeHeap();
      const after = process.memoryUsage.rss();
      console.log(JSON.stringify({ ran, before, after, kept: kept.length }));
    `;
    const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', code], {
      encoding: 'utf8',
    });
    const r = JSON.parse(out) as { ran: boolean; before: number; after: number };
    assert.equal(r.ran, true);
    const MB = 1024 * 1024;
    assert.ok(
      r.before - r.after > 64 * MB,
      `RSS ${(r.before / MB).toFixed(0)} -> ${(r.after / MB).toFixed(0)} MB`,
    );
  });
});
