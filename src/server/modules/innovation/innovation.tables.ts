import type { Generated } from 'kysely';

// The innovation module's tables as the application sees them (camelCase; see core/db/schema.ts for the conventions).

/** An entry of a firm, an institution or an incubator in a pipeline (高新, 专精特新, 研发机构, 孵化器/众创空间). */
export interface InnovationEntryTable {
  id: Generated<number>;
  pipeline: string;
  enterpriseId: number | null;
  name: string;
  operator: string;
  kind: string | null;
  townshipUnitId: number | null;
  responsibleUnitId: number;
  stage: string;
  stageDate: string;
  certNo: string;
  certDate: string | null;
  validTo: string | null;
  note: string;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A stage change of an entry: who, when, from and to, the certificate it brought and a note. */
export interface InnovationStageChangeTable {
  id: Generated<number>;
  entryId: number;
  fromStage: string | null;
  toStage: string;
  changedOn: string;
  certNo: string;
  note: string;
  userId: number | null;
  createdAt: string;
}

export interface InnovationTargetTable {
  year: number;
  pipeline: string;
  stage: string;
  target: number;
}

export interface InnovationBreakthroughTable {
  id: Generated<number>;
  pipeline: string;
  stage: string;
  startYear: number;
  years: number;
}

export interface InnovationCertNoticeTable {
  entryId: number;
  validTo: string;
  kind: string;
  sentAt: string;
}

declare module '../../core/db/schema' {
  interface Database {
    innovationEntries: InnovationEntryTable;
    innovationStageChanges: InnovationStageChangeTable;
    innovationTargets: InnovationTargetTable;
    innovationBreakthroughs: InnovationBreakthroughTable;
    innovationCertNotices: InnovationCertNoticeTable;
  }
}
