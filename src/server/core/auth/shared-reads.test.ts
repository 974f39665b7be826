import { describe, expect, it } from 'vitest';
import { SharedReads } from './access-cache';

/** A read whose answers the test releases one at a time, counting how many reads were started. */
function controlledRead() {
  const pending: { resolve: (v: number) => void; reject: (e: Error) => void }[] = [];
  let started = 0;
  const read = () =>
    new Promise<number>((resolve, reject) => {
      started++;
      pending.push({ resolve, reject });
    });
  return { read, started: () => started, answer: (v: number) => pending.shift()?.resolve(v), fail: () => pending.shift()?.reject(new Error('down')) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('SharedReads', () => {
  it('gives a request arriving during a read the answer of the next read, shared with the others arriving then', async () => {
    const c = controlledRead();
    const reads = new SharedReads(c.read);
    const first = reads.get();
    const second = reads.get();
    const third = reads.get();
    expect(c.started()).toBe(1);
    expect(second).toBe(third);
    c.answer(1);
    expect(await first).toBe(1);
    await tick();
    // The second read started only after the first one ended, so it saw every change committed before its callers arrived.
    expect(c.started()).toBe(2);
    c.answer(2);
    expect(await second).toBe(2);
    expect(await third).toBe(2);
    // Idle again: the next request starts its own read at once.
    const fourth = reads.get();
    expect(c.started()).toBe(3);
    c.answer(3);
    expect(await fourth).toBe(3);
  });

  it('starts a fresh read after a failed one', async () => {
    const c = controlledRead();
    const reads = new SharedReads(c.read);
    const failing = reads.get();
    const waiting = reads.get();
    c.fail();
    await expect(failing).rejects.toThrow('down');
    await tick();
    c.answer(7);
    expect(await waiting).toBe(7);
    expect(c.started()).toBe(2);
  });
});
