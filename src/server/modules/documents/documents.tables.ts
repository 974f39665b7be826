import type { Generated } from 'kysely';

// The documents module's tables as the application sees them (camelCase; see core/db/schema.ts for the conventions).

export interface DocumentTemplateTable {
  id: Generated<number>;
  /** brief (工作简报), letter (提醒函), notice (通报). */
  docType: string;
  headerText: string;
  numberPrefix: string;
  issuer: string;
  addressee: string;
  /** JSON array of lines under the date (抄送, 印发). */
  footerLines: string;
  updatedAt: string;
}

export interface DocumentTable {
  id: Generated<number>;
  docType: string;
  /** A notice's subject, `criticism` or `praise`; null for the other types. */
  subject: string | null;
  status: 'draft' | 'issued';
  title: string;
  month: string | null;
  unitId: number | null;
  addressee: string;
  /** JSON of the body's blocks. */
  body: string;
  year: number | null;
  seq: number | null;
  number: string | null;
  issueDate: string | null;
  docxSha256: string | null;
  docxSize: number | null;
  pdfSha256: string | null;
  taskId: number | null;
  createdBy: number | null;
  issuedBy: number | null;
  issuedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

declare module '../../core/db/schema' {
  interface Database {
    documentTemplates: DocumentTemplateTable;
    documents: DocumentTable;
  }
}
