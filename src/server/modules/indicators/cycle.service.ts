import type { z } from 'zod';
import { monthlyCycleSchema } from '../../../shared/modules/indicators.schemas';
import { DEFAULT_MONTHLY_CYCLE, type MonthlyCycle } from '../../../shared/rules/monthly-cycle';
import { requirePermission } from '../../core/access/access';
import type { RequestContext, UserContext } from '../../core/access/context';
import type { Executor } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { settingsStore } from '../../core/settings/settings-store';

const cycleStore = settingsStore('monthly_cycle', monthlyCycleSchema, DEFAULT_MONTHLY_CYCLE, {
  action: 'indicator_month.update_cycle',
  entityType: 'settings',
});

/** The monthly cycle in force: stored values over the defaults of rules.md. */
export function getMonthlyCycle(db: Executor): Promise<MonthlyCycle> {
  return cycleStore.read(db);
}

export async function readMonthlyCycle(deps: Deps, ctx: RequestContext) {
  requirePermission(ctx, 'indicator:read');
  return getMonthlyCycle(deps.db);
}

/** Changes the monthly cycle (office), audited. */
export async function updateMonthlyCycle(deps: Deps, ctx: UserContext, next: z.infer<typeof monthlyCycleSchema>): Promise<MonthlyCycle> {
  requirePermission(ctx, 'indicator:manage');
  return deps.db.transaction().execute((trx) => cycleStore.write(trx, deps, ctx, next));
}
