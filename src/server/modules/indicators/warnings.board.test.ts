import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIndicatorData } from '../../../../bench/indicator-data';
import type { ProgressCell, Warnings } from '../../../shared/modules/indicators.schemas';
import { type IndicatorInput, indicatorProgress, isPersistentRed, rankUnits } from '../../../shared/rules/indicator-progress';
import { sumOfUnits } from '../../../shared/rules/ledger-checks';
import type { Scope } from '../../core/access/access';
import type { Executor } from '../../core/db/database';
import { unitsRepository } from '../../core/org/units.repository';
import { type TestApp, createTestApp } from '../../test/build-app';
import { ensureDemoCurrentYear, ensureDemoIndicators, indicatorsFile } from './indicators.demo';
import { indicatorsRepository, plansRepository } from './indicators.repository';
import { describeIndicators } from './indicators.service';
import { boardOf } from './warnings.service';

/**
 * The board as the pure rules compute it from each unit's twelve monthly values (this year and last), with no SQL
 * aggregation: what boardOf must equal. Units rank among the units under the same parent.
 */
async function pureBoard(db: Executor, scope: Scope, monthText: string, parentId?: number): Promise<Warnings> {
  const year = Number(monthText.slice(0, 4));
  const month = Number(monthText.slice(5));
  const countyId = await unitsRepository.countyId(db);
  const plan = await plansRepository.findByYear(db, year);
  const lock = await db.selectFrom('indicatorMonthLocks').select('month').where('month', '=', monthText).executeTakeFirst();
  if (!plan) return { month: monthText, locked: !!lock, indicators: [] };
  const targets = await plansRepository.allTargets(db, plan.id);
  const indicators = (await indicatorsRepository.findByIds(db, [...new Set(targets.map((t) => t.indicatorId))])).sort(
    (a, b) => a.sortOrder - b.sortOrder || a.id - b.id,
  );
  const described = await describeIndicators(db, indicators);
  const units = new Map((await db.selectFrom('orgUnits').select(['id', 'nameZh', 'nameEn', 'kind', 'parentId']).execute()).map((u) => [u.id, u]));
  const series = new Map<string, { values: (number | null)[]; lastYear: (number | null)[] }>();
  const seriesOf = (indicatorId: number, unitId: number) => {
    const key = `${indicatorId}/${unitId}`;
    if (!series.has(key)) series.set(key, { values: Array(12).fill(null), lastYear: Array(12).fill(null) });
    return series.get(key) as { values: (number | null)[]; lastYear: (number | null)[] };
  };
  const values = await db
    .selectFrom('indicatorValues')
    .select(['indicatorId', 'unitId', 'month', 'value'])
    .where('status', '=', 'submitted')
    .where('month', '>=', `${year - 1}-01`)
    .where('month', '<=', `${year}-12`)
    .execute();
  for (const v of values) {
    const m = Number(v.month.slice(5));
    const own = seriesOf(v.indicatorId, v.unitId);
    // Only the months the board looks at: this year to the month and last year to the same month.
    if (m <= month) (v.month.startsWith(`${year}-`) ? own.values : own.lastYear)[m - 1] = v.value;
  }
  const inScope = (unitId: number) =>
    (scope.all || unitId === countyId || scope.unitIds.includes(unitId)) && (parentId === undefined || units.get(unitId)?.parentId === parentId);
  const items = indicators.map((indicator, i) => {
    const own = targets.filter((t) => t.indicatorId === indicator.id);
    const unitIds = own.filter((t) => t.unitId !== countyId).map((t) => t.unitId);
    const countyTarget = own.find((t) => t.unitId === countyId);
    if (indicator.countyValue === 'sum' && countyTarget) {
      const summed = seriesOf(indicator.id, countyId);
      for (const pick of ['values', 'lastYear'] as const)
        for (let m = 0; m < 12; m++) {
          const reported = unitIds.flatMap((unitId) => {
            const v = seriesOf(indicator.id, unitId)[pick][m];
            return v === null ? [] : [{ unitId, value: v }];
          });
          summed[pick][m] = sumOfUnits(reported, unitIds, indicator.decimals);
        }
    }
    const cellOf = (t: (typeof own)[number], unitId: number, answersForCounty: boolean) => {
      const input: IndicatorInput = {
        kind: indicator.kind,
        direction: indicator.direction,
        target: t.target,
        month,
        ...seriesOf(indicator.id, t.unitId),
        startOfYear: t.startOfYear ?? undefined,
        planCurve: t.planCurve ? JSON.parse(t.planCurve) : undefined,
        yellowBandPp: indicator.yellowBandPp ?? undefined,
      };
      const now = indicatorProgress(input);
      const before = month > 1 ? indicatorProgress({ ...input, month: month - 1 }).level : 'missing';
      const { parentId: _, ...unit } = units.get(unitId) as NonNullable<ReturnType<typeof units.get>>;
      return { unit, target: t.target, ...now, persistentRed: isPersistentRed([before, now.level], 2), rank: null, answersForCounty } as ProgressCell;
    };
    const cells = own.filter((t) => t.unitId !== countyId).map((t) => cellOf(t, t.unitId, false));
    const rank = new Map<number, number | null>();
    for (const parentId of new Set(cells.map((c) => units.get(c.unit.id)?.parentId))) {
      const peers = cells.filter((c) => units.get(c.unit.id)?.parentId === parentId);
      for (const r of rankUnits(peers.map((c) => ({ ...c, unitId: c.unit.id })))) rank.set(r.unitId, r.rank);
    }
    const ordered = rankUnits(cells.map((c) => ({ ...c, unitId: c.unit.id }))).map(({ unitId, ...c }) => ({ ...c, rank: rank.get(unitId) ?? null }));
    const responsible =
      unitIds.length === 0 && countyTarget && indicator.sourceUnitId && indicator.sourceUnitId !== countyId
        ? [cellOf(countyTarget, indicator.sourceUnitId, true)]
        : [];
    const shown = [...ordered, ...responsible].filter((c) => inScope(c.unit.id));
    return { indicator: described[i], county: countyTarget ? cellOf(countyTarget, countyId, false) : null, units: shown, unitsTotal: shown.length };
  });
  return { month: monthText, locked: !!lock, indicators: items };
}

const monthsOf = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

async function expectSameBoards(t: TestApp, months: string[], scopes: Scope[]) {
  let cells = 0;
  for (const scope of scopes)
    for (const month of months) {
      const board = await boardOf(t.deps.db, scope, { month });
      expect(board, `${month} ${JSON.stringify(scope)}`).toEqual(await pureBoard(t.deps.db, scope, month));
      cells += board.indicators.reduce((n, row) => n + row.units.length, 0);
    }
  return cells;
}

const townshipScope = (unitId: number): Scope => ({ all: false, unitIds: [unitId], ownUserId: null });

describe('warnings board: the SQL aggregates give the pure rules’ board', () => {
  describe('on the demo county', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
      const file = fileURLToPath(new URL('../../../../scripts/demo/baofeng-indicators-2021.json', import.meta.url));
      const data = indicatorsFile.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
      await ensureDemoIndicators(t.deps, data);
      await ensureDemoCurrentYear(t.deps, data);
    });
    afterAll(() => t.close());

    it('for every month of every plan year, for the office and for a township', async () => {
      const years = (await plansRepository.years(t.deps.db)).map((p) => p.year);
      expect(years.length).toBeGreaterThan(0);
      const cells = await expectSameBoards(t, years.flatMap(monthsOf), [
        { all: true },
        townshipScope(await t.unitId('daying')),
        townshipScope(await t.unitId('tjj')),
      ]);
      expect(cells).toBeGreaterThan(100);
    });
  });

  describe('on a generated data set of every kind and direction, two counties deep', () => {
    let t: TestApp;
    let unitIds: number[] = [];
    beforeAll(async () => {
      t = await createTestApp();
      const db = t.deps.db;
      const data = await generateIndicatorData(t.database, { units: 80, indicators: 13, years: 2 }, t.clock.now().toISOString());
      unitIds = data.unitIds;
      const [power, highTech] = await Promise.all(
        ['POWER', 'HIGH_TECH'].map((code) => db.selectFrom('indicators').select('id').where('code', '=', code).executeTakeFirstOrThrow()),
      );
      // County figures summed from the units: one complete but for one unit's May, one with months missing everywhere.
      await db.updateTable('indicators').set({ countyValue: 'sum' }).where('id', 'in', [power.id, highTech.id]).execute();
      await db.deleteFrom('indicatorValues').where('indicatorId', '=', power.id).where('unitId', '=', unitIds[3]).where('month', '=', '2026-05').execute();
      // Missing months scattered over every other indicator, the county's own figures included.
      const scattered = await db.selectFrom('indicatorValues').select('id').where('indicatorId', '!=', power.id).execute();
      const gone = scattered.filter((r) => r.id % 7 === 3).map((r) => r.id);
      for (let i = 0; i < gone.length; i += 500)
        await db
          .deleteFrom('indicatorValues')
          .where('id', 'in', gone.slice(i, i + 500))
          .execute();
      // Negative growth figures, and a lower-is-better cumulative indicator beside the generated ones.
      const growth = await db.selectFrom('indicators').select('id').where('kind', '=', 'growth').execute();
      const negative = (
        await db
          .selectFrom('indicatorValues')
          .select(['id', 'value'])
          .where(
            'indicatorId',
            'in',
            growth.map((g) => g.id),
          )
          .execute()
      ).filter((r) => r.id % 5 === 0);
      for (const r of negative)
        await db
          .updateTable('indicatorValues')
          .set({ value: -Math.abs(r.value) - 1 })
          .where('id', '=', r.id)
          .execute();
    });
    afterAll(() => t.close());

    it('for every month of the last year and some of the first, for the office, a demo township and a township of a generated county', async () => {
      const kinds = await t.deps.db.selectFrom('indicators').select(['kind', 'direction']).distinct().execute();
      expect(kinds.length).toBeGreaterThanOrEqual(5);
      const parents = await t.deps.db.selectFrom('orgUnits').select('parentId').distinct().where('id', 'in', unitIds).execute();
      expect(parents.length).toBeGreaterThan(1);
      const cells = await expectSameBoards(
        t,
        ['2025-01', '2025-07', '2025-12', ...monthsOf(2026)],
        [{ all: true }, townshipScope(unitIds[0]), townshipScope(unitIds.at(-1) as number)],
      );
      expect(cells).toBeGreaterThan(10_000);
    }, 180_000);

    it('drills down: one level of units ranked among themselves, the groups below, and pages in rank order', async () => {
      const db = t.deps.db;
      const countyId = await unitsRepository.countyId(db);
      const benchCounties = await db.selectFrom('orgUnits').select(['id', 'nameZh']).where('code', 'like', 'bench-c%').orderBy('id').execute();
      expect(benchCounties.length).toBe(2);
      const top = await boardOf(db, { all: true }, { month: '2026-10', parentId: countyId });
      expect(top.groups?.map((g) => g.id)).toEqual(benchCounties.map((c) => c.id));
      expect(top.parent?.id).toBe(countyId);
      const { parent: _, groups: __, ...rows } = top;
      expect(rows).toEqual(await pureBoard(db, { all: true }, '2026-10', countyId));
      const below = await boardOf(db, { all: true }, { month: '2026-10', parentId: benchCounties[1].id });
      expect(below.groups).toEqual([]);
      expect(below.indicators[0].units.length).toBeGreaterThan(0);
      const { parent: ___, groups: ____, ...belowRows } = below;
      expect(belowRows).toEqual(await pureBoard(db, { all: true }, '2026-10', benchCounties[1].id));
      // Pages cut the rank order; the total counts every row.
      const page2 = await boardOf(db, { all: true }, { month: '2026-10', parentId: countyId, page: 2, pageSize: 5 });
      for (const [i, row] of page2.indicators.entries()) {
        expect(row.units).toEqual(top.indicators[i].units.slice(5, 10));
        expect(row.unitsTotal).toBe(top.indicators[i].units.length);
      }
    });

    it('shows a value written on the next request', async () => {
      const db = t.deps.db;
      const before = await boardOf(db, { all: true }, { month: '2026-10' });
      const row = before.indicators.find((r) => r.indicator.kind === 'cumulative' && r.units.some((c) => c.level === 'red')) as Warnings['indicators'][number];
      const red = row.units.find((c) => c.level === 'red') as ProgressCell;
      await db
        .updateTable('indicatorValues')
        .set({ value: red.target * 2 })
        .where('indicatorId', '=', row.indicator.id)
        .where('unitId', '=', red.unit.id)
        .where('month', '=', '2026-10')
        .where('status', '=', 'submitted')
        .execute();
      const after = (await boardOf(db, { all: true }, { month: '2026-10' })).indicators.find((r) => r.indicator.id === row.indicator.id);
      expect(after?.units.find((c) => c.unit.id === red.unit.id)?.level).toBe('green');
      expect(after).toEqual((await pureBoard(db, { all: true }, '2026-10')).indicators.find((r) => r.indicator.id === row.indicator.id));
    });
  });
});
