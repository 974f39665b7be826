import type { Generated } from 'kysely';

// The reports module's tables as the application sees them (camelCase; see core/db/schema.ts for the conventions).

export interface ReportFormTable {
  id: Generated<number>;
  code: string;
  nameZh: string;
  nameEn: string;
  periodType: 'monthly';
  /** Reports are due on this working day of the month after the period. */
  dueWorkingDay: number;
  /** `YYYY-MM`: the first month units must report; earlier months are not expected. */
  startMonth: string;
  /** 1: every active township reports; 0: the units in report_form_units. */
  allTownships: number;
  active: number;
  currentVersion: number;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

export interface ReportFormVersionTable {
  id: Generated<number>;
  formId: number;
  version: number;
  /** `ReportFormDefinition` (shared/rules/report-forms.ts) as JSON. */
  definition: string;
  note: string;
  createdBy: number | null;
  createdAt: string;
}

export interface ReportFormUnitTable {
  formId: number;
  unitId: number;
}

export interface ReportTable {
  id: Generated<number>;
  formId: number;
  formVersionId: number;
  unitId: number;
  /** `YYYY-MM` */
  month: string;
  status: 'draft' | 'submitted' | 'returned' | 'accepted';
  valuesJson: string;
  /** Explanations of warnings, by rule key. */
  explanationsJson: string;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  acceptedAt: string | null;
  updatedBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface ReportEventTable {
  id: Generated<number>;
  reportId: number;
  action: 'submit' | 'return' | 'accept' | 'reopen';
  fromStatus: string;
  toStatus: string;
  reason: string;
  fieldKey: string | null;
  byUserId: number | null;
  at: string;
}

declare module '../../core/db/schema' {
  interface Database {
    reportForms: ReportFormTable;
    reportFormVersions: ReportFormVersionTable;
    reportFormUnits: ReportFormUnitTable;
    reports: ReportTable;
    reportEvents: ReportEventTable;
  }
}
