import type { Generated } from 'kysely';

// The monitoring module's tables as the application sees them (camelCase; see core/db/schema.ts for the conventions).

/** One firm's figures of one month; each source's column is null until that source has reported the month. */
export interface MonitoringFigureTable {
  id: Generated<number>;
  enterpriseId: number;
  month: string;
  /** 产值 in fen (the sheet says 万元). */
  outputFen: number | null;
  electricityKwh: number | null;
  taxesFen: number | null;
  updatedAt: string;
}

/** A flag raised for a firm's month; kept once raised (inactive when the figures no longer bear it out). */
export interface MonitoringFlagTable {
  id: Generated<number>;
  enterpriseId: number;
  month: string;
  flag: string;
  active: Generated<number>;
  taskId: number | null;
  createdAt: string;
  updatedAt: string;
}

declare module '../../core/db/schema' {
  interface Database {
    monitoringFigures: MonitoringFigureTable;
    monitoringFlags: MonitoringFlagTable;
  }
}
