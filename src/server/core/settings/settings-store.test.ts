import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { UserContext } from '../access/context';
import { type TestApp, createTestApp } from '../../test/build-app';
import { settingsStore } from './settings-store';

/** `settingsStore` on a real database: defaults, stored values over them, validation before writing, and the audit row. */

const probeSchema = z.strictObject({
  days: z.number().int().min(0).max(30),
  label: z.string().trim().max(10),
  hosts: z.array(z.string()).max(3),
});
const DEFAULTS = { days: 5, label: 'x', hosts: [] as string[] };
const store = settingsStore('probe.settings', probeSchema, DEFAULTS, { action: 'probe.settings', entityType: 'setting' });

let t: TestApp;
let ctx: UserContext;
beforeAll(async () => {
  t = await createTestApp();
  ctx = await t.contextOf('office');
});
afterAll(() => t.close());

const auditRows = () =>
  t.deps.db
    .selectFrom('auditLog')
    .select(['action', 'entityType', 'entityId', 'beforeJson', 'afterJson', 'actorUserId'])
    .where('action', '=', 'probe.settings')
    .orderBy('id')
    .execute();
const storedRow = () => t.deps.db.selectFrom('settings').selectAll().where('key', '=', 'probe.settings').executeTakeFirst();

describe('settingsStore', () => {
  it('reads the defaults while nothing is stored', async () => {
    expect(await store.read(t.deps.db)).toEqual(DEFAULTS);
    expect(await storedRow()).toBeUndefined();
  });

  it('writes validated values and the audit row in the caller’s transaction, and reads them back', async () => {
    const cases = [
      { value: { days: 7, label: 'a', hosts: ['h1'] }, before: DEFAULTS },
      // The schema's own transforms apply to what is stored.
      { value: { days: 0, label: '  b  ', hosts: [] }, stored: { days: 0, label: 'b', hosts: [] }, before: { days: 7, label: 'a', hosts: ['h1'] } },
    ];
    for (const [i, c] of cases.entries()) {
      const stored = c.stored ?? c.value;
      const written = await t.deps.db.transaction().execute((trx) => store.write(trx, t.deps, ctx, c.value));
      expect(written).toEqual(stored);
      expect(await store.read(t.deps.db)).toEqual(stored);
      const row = await storedRow();
      expect(JSON.parse(row?.valueJson ?? '')).toEqual(stored);
      expect(row?.updatedBy).toBe(ctx.user.id);
      const audit = (await auditRows())[i];
      expect(audit).toMatchObject({ action: 'probe.settings', entityType: 'setting', entityId: 'probe.settings', actorUserId: ctx.user.id });
      expect(JSON.parse(audit.beforeJson ?? '')).toEqual(c.before);
      expect(JSON.parse(audit.afterJson ?? '')).toEqual(stored);
    }
  });

  it('refuses a bad record and writes nothing, neither the value nor the audit row', async () => {
    const before = await store.read(t.deps.db);
    const audits = (await auditRows()).length;
    const bad = [
      { days: 31, label: 'a', hosts: [] },
      { days: 1, label: 'a', hosts: ['1', '2', '3', '4'] },
      { days: 1, label: 'a', hosts: [], extra: 1 },
      { days: 1.5, label: 'a', hosts: [] },
    ];
    for (const value of bad) {
      await expect(t.deps.db.transaction().execute((trx) => store.write(trx, t.deps, ctx, value as never))).rejects.toThrow(z.ZodError);
    }
    expect(await store.read(t.deps.db)).toEqual(before);
    expect(await auditRows()).toHaveLength(audits);
  });

  it('rolls back with the caller’s transaction', async () => {
    const before = await store.read(t.deps.db);
    const audits = (await auditRows()).length;
    await expect(
      t.deps.db.transaction().execute(async (trx) => {
        await store.write(trx, t.deps, ctx, { days: 9, label: 'c', hosts: [] });
        throw new Error('the caller fails after writing');
      }),
    ).rejects.toThrow('the caller fails');
    expect(await store.read(t.deps.db)).toEqual(before);
    expect(await auditRows()).toHaveLength(audits);
  });

  it('fills in a field added since the record was stored with its default', async () => {
    await t.deps.db
      .updateTable('settings')
      .set({ valueJson: JSON.stringify({ days: 3, label: 'old' }) })
      .where('key', '=', 'probe.settings')
      .execute();
    expect(await store.read(t.deps.db)).toEqual({ days: 3, label: 'old', hosts: [] });
  });
});
