import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../access/context';
import { recordAudits, verifyAuditChain } from '../audit/audit.service';
import { openTestDb } from '../../test/test-db';
import { ROWS_PER_STATEMENT, batches, insertMany } from './batch';
import type { DbHandle } from './database';

describe('batches', () => {
  it.each([
    { rows: 1, columns: 4, sizes: [1] },
    { rows: 1_001, columns: 4, sizes: [500, 500, 1] },
    // Wide rows: never more than 30,000 bound parameters a statement (SQLite takes 32,766, PostgreSQL 65,535).
    { rows: 700, columns: 100, sizes: [300, 300, 100] },
    { rows: 3, columns: 40_000, sizes: [1, 1, 1] },
  ])('$rows rows of $columns columns → statements of $sizes', ({ rows, columns, sizes }) => {
    const out = batches(
      Array.from({ length: rows }, (_, i) => i),
      columns,
    );
    expect(out.map((b) => b.length)).toEqual(sizes);
    expect(out.flat()).toEqual(Array.from({ length: rows }, (_, i) => i));
    expect(Math.max(...out.map((b) => b.length))).toBeLessThanOrEqual(ROWS_PER_STATEMENT);
  });
});

describe('insertMany and recordAudits on the database', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openTestDb();
  });
  afterAll(async () => {
    await handle.close();
  });
  const settings = () => handle.db.selectFrom('settings').select(['key', 'valueJson', 'updatedBy']).where('key', 'like', 'bench.%').orderBy('key').execute();

  it('inserts every row over several statements, and upserts the named columns only', async () => {
    const key = (i: number) => `bench.${String(i).padStart(5, '0')}`;
    await insertMany(
      handle.db,
      'settings',
      Array.from({ length: 1_201 }, (_, i) => ({ key: key(i), valueJson: `${i}`, updatedAt: 'a', updatedBy: null })),
    );
    expect(await settings()).toHaveLength(1_201);

    // Rows 1,000–1,600: 201 exist (their value changes, updatedBy is left alone), 400 are new.
    let statements = 0;
    await insertMany(
      handle.db,
      'settings',
      Array.from({ length: 601 }, (_, k) => ({ key: key(1_000 + k), valueJson: `new ${1_000 + k}`, updatedAt: 'b', updatedBy: null })),
      { onConflict: { columns: ['key'], update: ['valueJson', 'updatedAt'] }, between: async () => void statements++ },
    );
    const rows = await settings();
    expect(rows).toHaveLength(1_601);
    expect(statements).toBe(2);
    expect(rows[999]).toEqual({ key: key(999), valueJson: '999', updatedBy: null });
    expect(rows[1_000]).toEqual({ key: key(1_000), valueJson: 'new 1000', updatedBy: null });
    expect(rows[1_600]).toEqual({ key: key(1_600), valueJson: 'new 1600', updatedBy: null });
  });

  it('rolls back with the transaction it runs in', async () => {
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await insertMany(trx, 'settings', [{ key: 'bench.rolled-back', valueJson: '1', updatedAt: 'c', updatedBy: null }]);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect((await settings()).some((r) => r.key === 'bench.rolled-back')).toBe(false);
  });

  it('appends many audit rows as one linked chain, in the order given, after rows written one by one', async () => {
    const clock = { now: () => new Date('2026-03-16T01:00:00Z') };
    const deps = { dialect: handle.dialect, clock };
    await handle.db.transaction().execute((trx) => recordAudits(trx, deps, systemContext(), [{ action: 'one', entityType: 't', entityId: 0 }]));
    await handle.db.transaction().execute((trx) =>
      recordAudits(
        trx,
        deps,
        systemContext(),
        Array.from({ length: 1_100 }, (_, i) => ({ action: 'many', entityType: 't', entityId: i + 1, after: { i } })),
      ),
    );
    const report = await verifyAuditChain(handle.db);
    expect(report).toMatchObject({ ok: true, firstBrokenId: null });
    const rows = await handle.db.selectFrom('auditLog').select(['entityId']).where('entityType', '=', 't').orderBy('id').execute();
    expect(rows.map((r) => Number(r.entityId))).toEqual(Array.from({ length: 1_101 }, (_, i) => i));
  });
});
