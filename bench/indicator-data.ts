// Generator of indicator data sets for the benchmarks: township/department units (grouped under counties at province
// scale), a catalogue of indicators of every kind and direction, a published plan per year with county and unit
// targets, and monthly ledger values for every unit, indicator and month, most months locked.
// Rows go in as multi-row INSERTs with precompiled SQL (no query building per batch), one transaction per month.
import { CompiledQuery } from 'kysely';
import type { DbHandle } from '../src/server/core/db/database';

export interface IndicatorScale {
  /** Township and department units with targets; the demo county's own ones first, then generated ones. */
  units: number;
  indicators: number;
  /** Years of monthly values, the last one being LAST_YEAR. */
  years: number;
}

export const INDICATOR_SCALES: Record<'county' | 'province', IndicatorScale> = {
  county: { units: 31, indicators: 13, years: 2 },
  province: { units: 2_500, indicators: 50, years: 5 },
};

/** The data run to December of this year; months up to October are locked, November submitted, December partly draft. */
export const LAST_YEAR = 2026;
export const LAST_LOCKED_MONTH = `${LAST_YEAR}-10`;
const UNITS_PER_COUNTY = 25;

export interface IndicatorDataSet {
  countyId: number;
  unitIds: number[];
  indicatorIds: number[];
  years: number[];
  values: number;
  targets: number;
  /** Time spent writing the ledger values (ms). */
  valuesMs: number;
  totalMs: number;
}

type Kind = 'cumulative' | 'growth' | 'stock' | 'ratio';
type Template = {
  code: string;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  kind: Kind;
  direction: 'higher' | 'lower';
  decimals: number;
  base: number;
};

// The demo county's catalogue and two lower-is-better indicators; larger catalogues repeat them with a suffix.
const TEMPLATES: Template[] = [
  {
    code: 'VA_GROWTH',
    nameZh: '规上工业增加值增速',
    nameEn: 'Industrial value added growth',
    unitZh: '%',
    unitEn: '%',
    kind: 'growth',
    direction: 'higher',
    decimals: 1,
    base: 8.5,
  },
  {
    code: 'IND_INV',
    nameZh: '工业投资',
    nameEn: 'Industrial investment',
    unitZh: '亿元',
    unitEn: '100M CNY',
    kind: 'cumulative',
    direction: 'higher',
    decimals: 2,
    base: 4,
  },
  {
    code: 'IND_INV_GROWTH',
    nameZh: '工业投资增速',
    nameEn: 'Industrial investment growth',
    unitZh: '%',
    unitEn: '%',
    kind: 'growth',
    direction: 'higher',
    decimals: 1,
    base: 10,
  },
  {
    code: 'TECH_INV',
    nameZh: '技改投资',
    nameEn: 'Technical renovation investment',
    unitZh: '亿元',
    unitEn: '100M CNY',
    kind: 'cumulative',
    direction: 'higher',
    decimals: 2,
    base: 1.5,
  },
  {
    code: 'POWER',
    nameZh: '工业用电量',
    nameEn: 'Industrial power use',
    unitZh: '万千瓦时',
    unitEn: '10k kWh',
    kind: 'cumulative',
    direction: 'higher',
    decimals: 0,
    base: 9000,
  },
  {
    code: 'ABOVE_SCALE',
    nameZh: '规上工业企业数',
    nameEn: 'Above-scale firms',
    unitZh: '家',
    unitEn: 'firms',
    kind: 'stock',
    direction: 'higher',
    decimals: 0,
    base: 20,
  },
  {
    code: 'NEW_ABOVE_SCALE',
    nameZh: '新增入统规上企业数',
    nameEn: 'New above-scale firms',
    unitZh: '家',
    unitEn: 'firms',
    kind: 'cumulative',
    direction: 'higher',
    decimals: 0,
    base: 3,
  },
  {
    code: 'HIGH_TECH',
    nameZh: '高新技术企业数',
    nameEn: 'High-tech firms',
    unitZh: '家',
    unitEn: 'firms',
    kind: 'stock',
    direction: 'higher',
    decimals: 0,
    base: 6,
  },
  {
    code: 'HT_SHARE',
    nameZh: '高新技术产业增加值占比',
    nameEn: 'High-tech share of value added',
    unitZh: '%',
    unitEn: '%',
    kind: 'ratio',
    direction: 'higher',
    decimals: 1,
    base: 40,
  },
  {
    code: 'RD',
    nameZh: '研发经费投入',
    nameEn: 'R&D spending',
    unitZh: '亿元',
    unitEn: '100M CNY',
    kind: 'cumulative',
    direction: 'higher',
    decimals: 2,
    base: 0.3,
  },
  {
    code: 'IND_TAX',
    nameZh: '工业税收',
    nameEn: 'Industrial tax',
    unitZh: '亿元',
    unitEn: '100M CNY',
    kind: 'cumulative',
    direction: 'higher',
    decimals: 2,
    base: 0.8,
  },
  {
    code: 'ENERGY_INTENSITY',
    nameZh: '万元工业增加值能耗降低率',
    nameEn: 'Energy per 10k CNY value added',
    unitZh: '吨标煤/万元',
    unitEn: 'tce/10k CNY',
    kind: 'ratio',
    direction: 'lower',
    decimals: 2,
    base: 0.6,
  },
  {
    code: 'SAFETY_INCIDENTS',
    nameZh: '工业生产安全事故起数',
    nameEn: 'Industrial safety incidents',
    unitZh: '起',
    unitEn: 'incidents',
    kind: 'cumulative',
    direction: 'lower',
    decimals: 0,
    base: 2,
  },
];

/** A small deterministic generator (mulberry32), so every run builds the same data set. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;
const monthOf = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}`;
const CURVE = [4, 9, 16, 24, 33, 42, 51, 60, 69, 78, 88, 100];

/** Multi-row INSERTs of precompiled SQL, cached per row count; `?` for SQLite, `$n` for PostgreSQL. */
function inserter(handle: DbHandle, table: string, columns: string[]) {
  const cache = new Map<number, string>();
  const sqlFor = (rows: number) => {
    let text = cache.get(rows);
    if (!text) {
      const tuples = Array.from(
        { length: rows },
        (_, r) => `(${columns.map((__, c) => (handle.dialect === 'postgres' ? `$${r * columns.length + c + 1}` : '?')).join(', ')})`,
      );
      text = `insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`;
      cache.set(rows, text);
    }
    return text;
  };
  // 1,000 rows of up to 10 columns stay below SQLite's 32,766 variables and PostgreSQL's 65,535 parameters.
  const batch = 1000;
  return async (db: DbHandle['db'], flat: unknown[]) => {
    const width = columns.length;
    for (let i = 0; i < flat.length; i += batch * width) {
      const params = flat.slice(i, i + batch * width);
      await db.executeQuery(CompiledQuery.raw(sqlFor(params.length / width), params));
    }
  };
}

/** Builds the data set into a migrated database that already holds the demo county (loadCounty). */
export async function generateIndicatorData(handle: DbHandle, scale: IndicatorScale, now: string): Promise<IndicatorDataSet> {
  const { db } = handle;
  const t0 = performance.now();
  const random = seeded(20261128);
  const root = await db.selectFrom('orgUnits').select(['id', 'path']).where('kind', '=', 'county').orderBy('id').executeTakeFirstOrThrow();

  // Units: the demo's townships and departments, then generated ones, 25 under each generated county.
  const demoUnits = await db
    .selectFrom('orgUnits')
    .select(['id', 'code'])
    .where('kind', 'in', ['township', 'department'])
    .orderBy('sortOrder')
    .orderBy('id')
    .execute();
  const extra = Math.max(0, scale.units - demoUnits.length);
  if (extra > 0) {
    const counties = Math.ceil(extra / UNITS_PER_COUNTY);
    const unitColumns = ['parent_id', 'code', 'name_zh', 'name_en', 'kind', 'division_code', 'path', 'sort_order', 'active', 'created_at', 'updated_at'];
    const insertUnits = inserter(handle, 'org_units', unitColumns);
    await db.transaction().execute(async (trx) => {
      const flat: unknown[] = [];
      for (let c = 0; c < counties; c++) flat.push(root.id, `bench-c${c}`, `测试县${c}`, `Bench county ${c}`, 'county', null, '/', 100_000 + c, 1, now, now);
      await insertUnits(trx, flat);
      await trx.executeQuery(
        CompiledQuery.raw(`update org_units set path = ${handle.dialect === 'postgres' ? '$1' : '?'} || cast(id as text) || '/' where code like 'bench-c%'`, [
          root.path,
        ]),
      );
      const countyIds = new Map(
        (await trx.selectFrom('orgUnits').select(['id', 'code']).where('code', 'like', 'bench-c%').execute()).map((u) => [u.code, u.id]),
      );
      flat.length = 0;
      for (let i = 0; i < extra; i++) {
        const c = Math.floor(i / UNITS_PER_COUNTY);
        const township = i % UNITS_PER_COUNTY < 20;
        const kind = township ? 'township' : 'department';
        flat.push(
          countyIds.get(`bench-c${c}`),
          `bench-u${i}`,
          `${township ? '乡镇' : '部门'}${i}`,
          `Bench ${kind} ${i}`,
          kind,
          null,
          '/',
          200_000 + i,
          1,
          now,
          now,
        );
      }
      await insertUnits(trx, flat);
      await trx.executeQuery(
        CompiledQuery.raw(
          `update org_units set path = (select p.path from org_units p where p.id = org_units.parent_id) || cast(id as text) || '/' where code like 'bench-u%'`,
          [],
        ),
      );
    });
  }
  const generated = extra > 0 ? await db.selectFrom('orgUnits').select(['id', 'code']).where('code', 'like', 'bench-u%').orderBy('id').execute() : [];
  const unitIds = [...demoUnits, ...generated].slice(0, scale.units).map((u) => u.id);

  // The catalogue: the templates, repeated with a suffix when more indicators are asked for.
  const sources = demoUnits.filter((u) => ['tjj', 'fgw', 'gxj', 'kjj', 'czj'].includes(u.code)).map((u) => u.id);
  const templates = Array.from({ length: scale.indicators }, (_, i) => {
    const t = TEMPLATES[i % TEMPLATES.length];
    const round_ = Math.floor(i / TEMPLATES.length);
    return round_ === 0 ? t : { ...t, code: `${t.code}_${round_}`, nameZh: `${t.nameZh}（${round_}）`, nameEn: `${t.nameEn} (${round_})` };
  });
  const indicatorIds: number[] = [];
  for (const [i, t] of templates.entries()) {
    const { id } = await db
      .insertInto('indicators')
      .values({
        code: t.code,
        nameZh: t.nameZh,
        nameEn: t.nameEn,
        unitZh: t.unitZh,
        unitEn: t.unitEn,
        kind: t.kind,
        direction: t.direction,
        sourceUnitId: sources.length ? sources[i % sources.length] : null,
        definitionZh: '',
        definitionEn: '',
        yellowBandPp: null,
        decimals: t.decimals,
        minValue: t.kind === 'growth' ? null : 0,
        maxValue: t.kind === 'ratio' && t.unitZh === '%' ? 100 : null,
        maxJumpPct: t.kind === 'cumulative' ? 50 : null,
        sortOrder: (i + 1) * 10,
        active: 1,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    indicatorIds.push(id);
  }

  // Each unit has a weight per indicator (its share of the county), and a pace per indicator and year (how it runs
  // against its target: most between 85 % and 112 %, about one in five lags at 60–75 %).
  const nUnits = unitIds.length;
  const nInd = templates.length;
  const weight = Float64Array.from({ length: nUnits * nInd }, () => 0.4 + random() * 1.2);
  const years = Array.from({ length: scale.years }, (_, i) => LAST_YEAR - scale.years + 1 + i);
  const insertTargets = inserter(handle, 'indicator_targets', [
    'plan_id',
    'indicator_id',
    'unit_id',
    'is_county',
    'target',
    'start_of_year',
    'plan_curve',
    'responsible_person',
    'lead_leader',
    'measures',
  ]);
  const insertValues = inserter(handle, 'indicator_values', [
    'indicator_id',
    'unit_id',
    'month',
    'value',
    'explanation',
    'status',
    'updated_by',
    'updated_at',
    'submitted_at',
  ]);

  let targetCount = 0;
  let valueCount = 0;
  let valuesMs = 0;
  for (const [y, year] of years.entries()) {
    const growth = 1 + 0.06 * y;
    // Targets: unit rows, and the county row as their sum (cumulative, stock) or the plain figure (rates).
    const target = new Float64Array(nUnits * nInd);
    const start = new Float64Array(nUnits * nInd);
    const pace = Float64Array.from({ length: nUnits * nInd }, () => (random() < 0.2 ? 0.6 + random() * 0.15 : 0.85 + random() * 0.27));
    const countyTarget = new Float64Array(nInd);
    const countyStart = new Float64Array(nInd);
    for (let k = 0; k < nInd; k++) {
      const t = templates[k];
      for (let u = 0; u < nUnits; u++) {
        const j = u * nInd + k;
        if (t.kind === 'cumulative') target[j] = Math.max(t.decimals ? 0.01 : 1, round(t.base * weight[j] * growth, t.decimals));
        else if (t.kind === 'stock') {
          start[j] = Math.round(t.base * weight[j] * growth);
          target[j] = start[j] + Math.max(1, Math.round(start[j] * 0.08));
        } else target[j] = round(t.base * (0.9 + random() * 0.2), t.decimals);
        countyTarget[k] += target[j];
        countyStart[k] += start[j];
      }
      countyTarget[k] = t.kind === 'cumulative' || t.kind === 'stock' ? round(countyTarget[k], t.decimals) : t.base;
    }
    await db.transaction().execute(async (trx) => {
      const { id: planId } = await trx
        .insertInto('indicatorPlans')
        .values({ year, status: 'published', version: 1, coverageReason: null, publishedAt: now, createdAt: now, updatedAt: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const flat: unknown[] = [];
      for (let k = 0; k < nInd; k++) {
        const t = templates[k];
        const curve = t.kind === 'cumulative' && k % 3 === 1 ? JSON.stringify(CURVE) : null;
        flat.push(planId, indicatorIds[k], root.id, 1, countyTarget[k], t.kind === 'stock' ? countyStart[k] : null, curve, '', '李县长', '');
        for (let u = 0; u < nUnits; u++) {
          const j = u * nInd + k;
          flat.push(planId, indicatorIds[k], unitIds[u], 0, target[j], t.kind === 'stock' ? start[j] : null, curve, '张三', '李县长', '');
        }
      }
      await insertTargets(trx, flat);
      targetCount += flat.length / 10;
      await trx.insertInto('indicatorPlanVersions').values({ planId, version: 1, reason: '', snapshot: '[]', createdBy: null, createdAt: now }).execute();
    });

    // Values month by month, the county total beside its units'; one transaction per month.
    for (let m = 1; m <= 12; m++) {
      const month = monthOf(year, m);
      const locked = month <= LAST_LOCKED_MONTH;
      const share = m / 12;
      const curveShare = (CURVE[m - 1] - (m > 1 ? CURVE[m - 2] : 0)) / 100;
      const flat: unknown[] = [];
      const countyValue = new Float64Array(nInd);
      for (let u = 0; u < nUnits; u++) {
        // In the last open month every fifth unit still has drafts.
        const draft = !locked && m === 12 && u % 5 === 0;
        for (let k = 0; k < nInd; k++) {
          const t = templates[k];
          const j = u * nInd + k;
          const noise = 0.94 + random() * 0.12;
          let value: number;
          if (t.kind === 'cumulative') {
            const planned = k % 3 === 1 ? curveShare : 1 / 12;
            value = Math.max(0, round(target[j] * planned * (t.direction === 'lower' ? 2 - pace[j] : pace[j]) * noise, t.decimals));
          } else if (t.kind === 'stock') value = Math.round(start[j] + (target[j] - start[j]) * share * pace[j] * noise);
          else value = round(t.direction === 'lower' ? target[j] * (2 - pace[j]) * noise : target[j] + (pace[j] - 1) * 12 + (noise - 1) * 10, t.decimals);
          countyValue[k] += value;
          flat.push(indicatorIds[k], unitIds[u], month, value, '', draft ? 'draft' : 'submitted', null, now, draft ? null : now);
        }
      }
      for (let k = 0; k < nInd; k++) {
        const t = templates[k];
        const value = t.kind === 'cumulative' || t.kind === 'stock' ? countyValue[k] : countyValue[k] / nUnits;
        flat.push(indicatorIds[k], root.id, month, round(value, t.decimals), '', 'submitted', null, now, now);
      }
      const w0 = performance.now();
      await db.transaction().execute(async (trx) => {
        await insertValues(trx, flat);
        if (locked) await trx.insertInto('indicatorMonthLocks').values({ month, lockedBy: null, lockedAt: now }).execute();
      });
      valuesMs += performance.now() - w0;
      valueCount += flat.length / 9;
    }
    if (process.env.BENCH_VERBOSE) console.log(`    ${year}: ${valueCount} values so far, ${Math.round(valueCount / (valuesMs / 1000))} rows/s`);
  }
  return { countyId: root.id, unitIds, indicatorIds, years, values: valueCount, targets: targetCount, valuesMs, totalMs: performance.now() - t0 };
}

/**
 * The data set generateIndicatorData built earlier into a kept database (BENCH_KEEP), found again; undefined when the
 * database holds none. Generation is deterministic, so the same scale finds the same units and indicators.
 */
export async function existingIndicatorData(handle: DbHandle, scale: IndicatorScale): Promise<IndicatorDataSet | undefined> {
  const { db } = handle;
  const plans = await db.selectFrom('indicatorPlans').select('year').orderBy('year').execute();
  if (plans.length === 0) return undefined;
  const root = await db.selectFrom('orgUnits').select('id').where('kind', '=', 'county').orderBy('id').executeTakeFirstOrThrow();
  const demoUnits = await db
    .selectFrom('orgUnits')
    .select('id')
    .where('kind', 'in', ['township', 'department'])
    .where('code', 'not like', 'bench-u%')
    .orderBy('sortOrder')
    .orderBy('id')
    .execute();
  const generated = await db.selectFrom('orgUnits').select('id').where('code', 'like', 'bench-u%').orderBy('id').execute();
  const indicators = await db.selectFrom('indicators').select('id').orderBy('sortOrder').orderBy('id').execute();
  const count = async (table: 'indicatorValues' | 'indicatorTargets') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    countyId: root.id,
    unitIds: [...demoUnits, ...generated].slice(0, scale.units).map((u) => u.id),
    indicatorIds: indicators.slice(0, scale.indicators).map((i) => i.id),
    years: plans.map((p) => p.year),
    values: await count('indicatorValues'),
    targets: await count('indicatorTargets'),
    valuesMs: 0,
    totalMs: 0,
  };
}
