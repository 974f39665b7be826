import { z } from 'zod';
import { translate } from '../../../shared/i18n/messages';
import { requirePermission } from '../access/access';
import type { UserContext } from '../access/context';
import { recordAudit } from '../audit/audit.service';
import { batches } from '../db/batch';
import type { Deps } from '../deps';
import { type ImportOutcome, type ImportProblem, type ImportSpec, importAllOrNothing, importTemplate } from '../excel/import';
import { calendarRepository } from './calendar.repository';

const row = z.object({
  date: z.iso.date(),
  kind: z.enum(['holiday', 'workday', 'normal']),
  name: z.string().trim().max(40).default(''),
});
type CalendarRow = z.infer<typeof row>;

/** The year's arrangement as a sheet: one line per day that differs from Monday–Friday work. */
export const CALENDAR_IMPORT: ImportSpec<CalendarRow> = {
  sheet: { zh: '节假日安排', en: 'Arrangement' },
  row,
  columns: [
    { key: 'date', zh: '日期', en: 'Date', width: 14, required: true, notes: { zh: '格式 2021-10-01', en: 'As 2021-10-01' } },
    {
      key: 'kind',
      zh: '类型',
      en: 'Kind',
      width: 14,
      required: true,
      codes: [
        { value: 'holiday', zh: '休息', en: 'Holiday' },
        { value: 'workday', zh: '调休上班', en: 'Make-up working day' },
        { value: 'normal', zh: '恢复正常', en: 'Back to normal' },
      ],
    },
    { key: 'name', zh: '名称', en: 'Name', width: 16, notes: { zh: '如：国庆节', en: 'e.g. National Day' } },
  ],
};

/** Applies an arrangement sheet (office): every day set, or none; one audit row lists them. */
export async function importCalendar(deps: Deps, ctx: UserContext, buffer: Buffer): Promise<ImportOutcome> {
  requirePermission(ctx, 'calendar:manage');
  const dateLabel = ctx.locale === 'en-US' ? 'Date' : '日期';
  return importAllOrNothing(deps, buffer, CALENDAR_IMPORT, ctx.locale, {
    check: async (_trx, rows, _refused, pace) => {
      const seen = new Set<string>();
      const problems: ImportProblem[] = [];
      for (const r of rows) {
        await pace.tick();
        if (seen.has(r.values.date)) problems.push({ row: r.row, column: dateLabel, message: translate(ctx.locale, 'err.calendar_duplicate_day') });
        seen.add(r.values.date);
      }
      return { resolved: rows.map((r) => r.values), problems };
    },
    write: async (trx, days, pace) => {
      const now = deps.clock.now().toISOString();
      for (const batch of batches(
        days.filter((d) => d.kind === 'normal').map((d) => d.date),
        1,
      )) {
        await calendarRepository.deleteMany(trx, batch);
        await pace.breathe();
      }
      const set = days.flatMap((d) => (d.kind === 'normal' ? [] : [{ date: d.date, kind: d.kind, name: d.name, updatedAt: now, updatedBy: ctx.user.id }]));
      for (const batch of batches(set, 5)) {
        await calendarRepository.upsertMany(trx, batch);
        await pace.breathe();
      }
      await recordAudit(trx, deps, ctx, { action: 'calendar.import', entityType: 'calendar', entityId: null, after: { days } });
    },
  });
}

export const calendarTemplate = (locale: 'zh-CN' | 'en-US') => importTemplate(CALENDAR_IMPORT, locale);
