import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/database';
import { openTestDb } from '../../test/test-db';
import { nextDocumentSeq } from './numbering';

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('document numbering', () => {
  it('hands out 1, 2, 3 … per type and year to concurrent issues, with no gap left by one that rolls back', async () => {
    const issue = (fail: boolean, delay: number) =>
      handle.db
        .transaction()
        .execute(async (trx) => {
          const seq = await nextDocumentSeq(trx, 'notice', 2021);
          // Hold the transaction open a while, as rendering the .docx does, so the others really overlap it.
          await sleep(delay);
          if (fail) throw new Error('rendering failed');
          return seq;
        })
        .catch(() => null);
    const results = await Promise.all([issue(false, 30), issue(true, 10), issue(false, 5), issue(false, 0), issue(true, 0), issue(false, 20)]);
    const taken = results.filter((s): s is number => s !== null).sort((a, b) => a - b);
    expect(taken).toEqual([1, 2, 3, 4]);
    expect(await handle.db.transaction().execute((trx) => nextDocumentSeq(trx, 'notice', 2021))).toBe(5);
    expect(await handle.db.transaction().execute((trx) => nextDocumentSeq(trx, 'notice', 2022))).toBe(1);
    expect(await handle.db.transaction().execute((trx) => nextDocumentSeq(trx, 'letter', 2021))).toBe(1);
  });
});
