/** An accepted township report as the modules that react to it see it. */
export interface ReportAccepted {
  reportId: number;
  formId: number;
  formCode: string;
  unitId: number;
  month: string;
  /** When the office accepted it (ISO instant). */
  acceptedAt: string;
  /** The report's numbers in fields mapped to indicators, empty fields left out, in the form's field order. */
  values: { indicatorCode: string; value: number }[];
  /** How records made from the report name it: `reports/<id>`, and its label (乡镇月报《…》#id). */
  source: string;
  sourceLabel: string;
}

declare module '../../core/events/events' {
  interface DomainEvents {
    /**
     * The office accepted a submitted report, published in the acceptance's transaction before the report's own
     * history and audit row; indicators writes the mapped values into the ledger there, so a failing handler refuses
     * the acceptance. A reopened report accepted again publishes it again: handlers must overwrite, not add.
     */
    reportAccepted: ReportAccepted;
  }
}
