import type { Locale } from '../../../shared/i18n/messages';
import type { Aggregate, Matrix } from '../../../shared/modules/reports.schemas';
import type { ExportColumn } from '../../core/excel/export';

type MatrixRow = Matrix['rows'][number];

const STATUS: Record<string, [string, string]> = {
  not_started: ['未填报', 'Not started'],
  draft: ['草稿', 'Draft'],
  submitted: ['待审核', 'Submitted'],
  returned: ['已退回', 'Returned'],
  accepted: ['已通过', 'Accepted'],
};
const TIMELINESS: Record<string, [string, string]> = {
  on_time: ['按时', 'on time'],
  late: ['迟报', 'late'],
  not_due: ['未到期', 'not due'],
  overdue: ['逾期未报', 'overdue'],
};

const pct = (v: number | null) => (v === null ? '' : `${v}%`);

/** The completeness matrix as export columns and rows: one row per township, a column per form, then the rates. */
export function matrixExport(matrix: Matrix, locale: Locale): { columns: ExportColumn<MatrixRow>[]; rows: MatrixRow[] } {
  const i = locale === 'en-US' ? 1 : 0;
  const columns: ExportColumn<MatrixRow>[] = [
    { zh: '乡镇（街道）', en: 'Township', width: 16, value: (r) => (i ? r.unit.nameEn : r.unit.nameZh) },
    ...matrix.forms.map(
      (form, f): ExportColumn<MatrixRow> => ({
        zh: `${form.nameZh}（${form.dueDate} 前）`,
        en: `${form.nameEn} (due ${form.dueDate})`,
        width: 26,
        value: (r) => {
          const cell = r.cells[f];
          if (!cell) return '—';
          return `${STATUS[cell.status][i]} · ${TIMELINESS[cell.timeliness][i]}`;
        },
      }),
    ),
    { zh: '本月完整率', en: 'Completeness (month)', value: (r) => pct(r.month.completenessRate) },
    { zh: '本月及时率', en: 'Timeliness (month)', value: (r) => pct(r.month.timelinessRate) },
    { zh: '本年完整率', en: 'Completeness (year)', value: (r) => pct(r.year.completenessRate) },
    { zh: '本年及时率', en: 'Timeliness (year)', value: (r) => pct(r.year.timelinessRate) },
  ];
  return { columns, rows: matrix.rows };
}

type TotalsRow = { nameZh: string; nameEn: string; month: (number | null)[]; ytd: (number | null)[] };

/** County totals as shown: a row per township and the county total, this month and the year to date per field. */
export function aggregateExport(agg: Aggregate, locale: Locale): { columns: ExportColumn<TotalsRow>[]; rows: TotalsRow[] } {
  const unitOf = (zh: string, en: string) => (zh ? [`（${zh}）`, ` (${en || zh})`] : ['', '']);
  const columns: ExportColumn<TotalsRow>[] = [
    { zh: '乡镇（街道）', en: 'Township', width: 16, value: (r) => (locale === 'en-US' ? r.nameEn : r.nameZh) },
    ...agg.fields.flatMap((f, i): ExportColumn<TotalsRow>[] => {
      const [uZh, uEn] = unitOf(f.unitZh, f.unitEn);
      return [
        { zh: `${f.labelZh}${uZh}·本月`, en: `${f.labelEn || f.labelZh}${uEn} · month`, width: 18, value: (r) => r.month[i] ?? '' },
        { zh: `${f.labelZh}${uZh}·本年累计`, en: `${f.labelEn || f.labelZh}${uEn} · year to date`, width: 18, value: (r) => r.ytd[i] ?? '' },
      ];
    }),
  ];
  const rows: TotalsRow[] = [
    ...agg.units.map((u) => ({ nameZh: u.unit.nameZh, nameEn: u.unit.nameEn, month: u.month, ytd: u.ytd })),
    agg.countyWide
      ? { nameZh: '全县合计', nameEn: 'County total', month: agg.total.month, ytd: agg.total.ytd }
      : { nameZh: '合计', nameEn: 'Total', month: agg.total.month, ytd: agg.total.ytd },
  ];
  return { columns, rows };
}
