import type { ColumnType, Generated } from 'kysely';

// The indicators module's tables as the application sees them (camelCase; see core/db/schema.ts for the conventions).

export interface IndicatorTable {
  id: Generated<number>;
  code: string;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  kind: 'cumulative' | 'growth' | 'stock' | 'ratio';
  direction: 'higher' | 'lower';
  sourceUnitId: number | null;
  definitionZh: string;
  definitionEn: string;
  yellowBandPp: number | null;
  decimals: number;
  minValue: number | null;
  maxValue: number | null;
  maxJumpPct: number | null;
  sortOrder: number;
  active: number;
  /** The county row: reported by the data source, or the sum of the units' values. */
  countyValue: ColumnType<'reported' | 'sum', 'reported' | 'sum' | undefined, 'reported' | 'sum'>;
  createdAt: string;
  updatedAt: string;
}

export interface IndicatorPlanTable {
  id: Generated<number>;
  year: number;
  status: 'draft' | 'published';
  /** 0 until first published, then one more for each published change. */
  version: number;
  coverageReason: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface IndicatorTargetTable {
  id: Generated<number>;
  planId: number;
  indicatorId: number;
  unitId: number;
  /** 1 for the county's own target, 0 for a unit's share of it. */
  isCounty: number;
  target: number;
  startOfYear: number | null;
  /** JSON array of 12 cumulative shares (%), or null for the even m ÷ 12 progress. */
  planCurve: string | null;
  responsiblePerson: string;
  leadLeader: string;
  measures: string;
}

export interface IndicatorPlanVersionTable {
  id: Generated<number>;
  planId: number;
  version: number;
  reason: string;
  /** JSON of the plan's targets as published. */
  snapshot: string;
  createdBy: number | null;
  createdAt: string;
}

export interface IndicatorValueTable {
  id: Generated<number>;
  indicatorId: number;
  unitId: number;
  /** `YYYY-MM` */
  month: string;
  value: number;
  explanation: string;
  status: 'draft' | 'submitted';
  updatedBy: number | null;
  updatedAt: string;
  submittedAt: string | null;
  /** The record another module wrote the value from (`reports/<id>`); null for values entered in the ledger. */
  source: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface IndicatorValueHistoryTable {
  id: Generated<number>;
  valueId: number;
  /** `save` before submission is not kept; `submit`, and `correct` (a change after submission or lock, with a reason). */
  action: 'submit' | 'correct';
  beforeValue: number | null;
  afterValue: number;
  reason: string;
  changedBy: number | null;
  changedAt: string;
}

export interface IndicatorMonthLockTable {
  month: string;
  lockedBy: number | null;
  lockedAt: string;
}

declare module '../../core/db/schema' {
  interface Database {
    indicators: IndicatorTable;
    indicatorPlans: IndicatorPlanTable;
    indicatorTargets: IndicatorTargetTable;
    indicatorPlanVersions: IndicatorPlanVersionTable;
    indicatorValues: IndicatorValueTable;
    indicatorValueHistory: IndicatorValueHistoryTable;
    indicatorMonthLocks: IndicatorMonthLockTable;
  }
}
