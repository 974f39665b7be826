import type { z } from 'zod';
import type { UserContext } from '../access/context';
import { recordAudit } from '../audit/audit.service';
import type { Executor, Trx } from '../db/database';
import type { Deps } from '../deps';

/** How a store's writes are named in the audit log (modules say `setting`, the core's own settings `settings`). */
export interface SettingsAudit {
  action: string;
  entityType: 'setting' | 'settings';
}

/** One settings record, kept as JSON in the `settings` table under its key. */
export interface SettingsStore<T> {
  readonly key: string;
  /** The settings in force: the stored values over the defaults, so a field added later reads as its default. */
  read(db: Executor): Promise<T>;
  /** Validates and stores the whole record in the caller's transaction, with an audit row of before and after; returns what was stored. */
  write(trx: Trx, deps: Pick<Deps, 'dialect' | 'clock'>, ctx: UserContext, value: T): Promise<T>;
}

/** Declares the store of one settings record: its key, its zod schema, the defaults and how its writes are audited. */
export function settingsStore<S extends z.ZodType<object>>(key: string, schema: S, defaults: z.output<S>, audit: SettingsAudit): SettingsStore<z.output<S>> {
  type T = z.output<S>;
  const read = async (db: Executor): Promise<T> => {
    const row = await db.selectFrom('settings').select('valueJson').where('key', '=', key).executeTakeFirst();
    return { ...defaults, ...(row ? (JSON.parse(row.valueJson) as Partial<T>) : {}) };
  };
  return {
    key,
    read,
    async write(trx, deps, ctx, value) {
      // Routes have checked the body already; this keeps a caller that builds the record itself from storing a bad one.
      const next = schema.parse(value);
      const before = await read(trx);
      const valueJson = JSON.stringify(next);
      const updatedAt = deps.clock.now().toISOString();
      await trx
        .insertInto('settings')
        .values({ key, valueJson, updatedAt, updatedBy: ctx.user.id })
        .onConflict((oc) => oc.column('key').doUpdateSet({ valueJson, updatedAt, updatedBy: ctx.user.id }))
        .execute();
      await recordAudit(trx, deps, ctx, { action: audit.action, entityType: audit.entityType, entityId: key, before, after: next });
      return next;
    },
  };
}
