import type { z } from 'zod';
import type { monthlyCycleSchema } from '../../../shared/modules/indicators.schemas';
import { DEFAULT_MONTHLY_CYCLE, type MonthlyCycle } from '../../../shared/rules/monthly-cycle';
import { requirePermission } from '../../core/access/access';
import type { RequestContext, UserContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Executor } from '../../core/db/database';
import type { Deps } from '../../core/deps';

const KEY = 'monthly_cycle';

/** The monthly cycle in force: stored values over the defaults of rules.md. */
export async function getMonthlyCycle(db: Executor): Promise<MonthlyCycle> {
  const row = await db.selectFrom('settings').select('valueJson').where('key', '=', KEY).executeTakeFirst();
  return { ...DEFAULT_MONTHLY_CYCLE, ...(row ? (JSON.parse(row.valueJson) as Partial<MonthlyCycle>) : {}) };
}

export async function readMonthlyCycle(deps: Deps, ctx: RequestContext) {
  requirePermission(ctx, 'indicator:read');
  return getMonthlyCycle(deps.db);
}

/** Changes the monthly cycle (office), audited. */
export async function updateMonthlyCycle(deps: Deps, ctx: UserContext, next: z.infer<typeof monthlyCycleSchema>): Promise<MonthlyCycle> {
  requirePermission(ctx, 'indicator:manage');
  return deps.db.transaction().execute(async (trx) => {
    const before = await getMonthlyCycle(trx);
    const now = deps.clock.now().toISOString();
    await trx
      .insertInto('settings')
      .values({ key: KEY, valueJson: JSON.stringify(next), updatedAt: now, updatedBy: ctx.user.id })
      .onConflict((oc) => oc.column('key').doUpdateSet({ valueJson: JSON.stringify(next), updatedAt: now, updatedBy: ctx.user.id }))
      .execute();
    await recordAudit(trx, deps, ctx, { action: 'indicator_month.update_cycle', entityType: 'settings', entityId: KEY, before, after: next });
    return next;
  });
}
