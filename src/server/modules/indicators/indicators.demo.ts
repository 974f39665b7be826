import { z } from 'zod';
import { indicatorDirection, indicatorKind } from '../../../shared/modules/indicators.schemas';
import { systemContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Deps } from '../../core/deps';
import { indicatorsRepository, plansRepository } from './indicators.repository';

const target = z.strictObject({
  indicator: z.string(),
  /** Unit code, or null for the county's own target. */
  unit: z.string().nullable(),
  target: z.number(),
  startOfYear: z.number().nullable(),
  planCurve: z.array(z.number()).length(12).nullable(),
  responsiblePerson: z.string(),
  leadLeader: z.string(),
  measures: z.string(),
});

/** A county's indicator catalogue and one year's published plan, as shipped in `scripts/demo/`. */
export const indicatorsFile = z.strictObject({
  year: z.number().int(),
  indicators: z.array(
    z.strictObject({
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      unitZh: z.string(),
      unitEn: z.string(),
      kind: indicatorKind,
      direction: indicatorDirection.default('higher'),
      sourceUnit: z.string(),
      definitionZh: z.string(),
      decimals: z.number().int(),
      sortOrder: z.number().int(),
    }),
  ),
  targets: z.array(target),
});

/** Loads the demo catalogue and publishes the year's plan, once: nothing happens if the catalogue has any indicator. */
export async function ensureDemoIndicators(deps: Deps, data: z.infer<typeof indicatorsFile>): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    if ((await indicatorsRepository.list(trx, { page: 1, pageSize: 1, order: 'asc' })).total > 0) return false;
    const units = new Map((await trx.selectFrom('orgUnits').select(['id', 'code', 'kind']).execute()).map((u) => [u.code, u]));
    const unitId = (code: string) => {
      const unit = units.get(code);
      if (!unit) throw new Error(`Demo indicators: unknown unit ${code}`);
      return unit.id;
    };
    const county = [...units.values()].find((u) => u.kind === 'county');
    if (!county) throw new Error('Demo indicators: load the county first');
    const now = deps.clock.now().toISOString();
    const ids = new Map<string, number>();
    for (const { sourceUnit, ...indicator } of data.indicators) {
      const id = await indicatorsRepository.insert(trx, {
        ...indicator,
        sourceUnitId: unitId(sourceUnit),
        definitionEn: '',
        yellowBandPp: null,
        minValue: indicator.kind === 'growth' ? null : 0,
        maxValue: indicator.kind === 'ratio' ? 100 : null,
        maxJumpPct: indicator.kind === 'cumulative' ? 50 : null,
        active: 1,
        createdAt: now,
        updatedAt: now,
      });
      ids.set(indicator.code, id);
    }
    const planId = await plansRepository.insert(trx, {
      year: data.year,
      status: 'published',
      version: 1,
      coverageReason: null,
      publishedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    for (const [code, id] of ids) {
      const rows = data.targets
        .filter((t) => t.indicator === code)
        .map(({ indicator: _, unit, planCurve, ...t }) => ({
          ...t,
          unitId: unit ? unitId(unit) : county.id,
          isCounty: unit ? 0 : 1,
          planCurve: planCurve ? JSON.stringify(planCurve) : null,
        }));
      await plansRepository.replaceTargets(trx, planId, id, rows);
    }
    const snapshot = JSON.stringify(await plansRepository.allTargets(trx, planId));
    await plansRepository.insertVersion(trx, { planId, version: 1, reason: '', snapshot, createdBy: null, createdAt: now });
    await recordAudit(trx, deps, systemContext(), {
      action: 'setup.load_indicators',
      entityType: 'indicator_plan',
      entityId: data.year,
      after: { indicators: data.indicators.length, targets: data.targets.length },
    });
    return true;
  });
}
