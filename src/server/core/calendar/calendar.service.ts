import officialDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { z } from 'zod';
import type { CalendarDay, setCalendarDayBody } from '../../../shared/modules/calendar.schemas';
import { type CalendarArrangement, addCalendarDays, addWorkingDays, workingDaysBetween } from '../../../shared/rules/working-days';
import { requirePermission } from '../access/access';
import { type UserContext, systemContext } from '../access/context';
import { recordAudit } from '../audit/audit.service';
import type { Executor } from '../db/database';
import type { Deps } from '../deps';
import { calendarRepository } from './calendar.repository';

/** The State Council's arrangement for one year, as shipped by the chinese-days package ("English,中文,n"). */
function officialYear(year: string): CalendarDay[] {
  const pick = (source: Record<string, string>, kind: CalendarDay['kind']) =>
    Object.entries(source)
      .filter(([date]) => date.startsWith(`${year}-`))
      .map(([date, label]) => ({ date, kind, name: label.split(',')[1] ?? label }));
  return [...pick(officialDays.holidays, 'holiday'), ...pick(officialDays.workdays, 'workday')];
}

/** Fills in, from the official arrangement, every year since 2020 that the county calendar does not have yet. */
export async function ensureCalendarSeeded(deps: Deps) {
  const present = await calendarRepository.yearsPresent(deps.db);
  const years = [...new Set(Object.keys(officialDays.holidays).map((d) => d.slice(0, 4)))].filter((y) => y >= '2020' && !present.has(y));
  if (years.length === 0) return;
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString();
    for (const year of years) {
      const days = officialYear(year);
      await calendarRepository.insertMany(
        trx,
        days.map((d) => ({ ...d, updatedAt: now, updatedBy: null })),
      );
      await recordAudit(trx, deps, systemContext(), { action: 'calendar.seed', entityType: 'calendar', entityId: year, after: { days: days.length } });
    }
  });
}

/** The county's arrangement from a year before `date` to two years after, enough for any deadline set on it. */
export async function arrangementAround(db: Executor, date: string): Promise<CalendarArrangement> {
  const days = await calendarRepository.between(db, addCalendarDays(date, -400), addCalendarDays(date, 800));
  return {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
  };
}

/** The n-th working day after a date on the county calendar; what every deadline in the platform uses. */
export async function workingDayAfter(db: Executor, from: string, n: number): Promise<string> {
  return addWorkingDays(await arrangementAround(db, from), from, n);
}

/** Working days after `from` up to and including `to` on the county calendar (negative when `to` is earlier). */
export async function workingDaysFromTo(db: Executor, from: string, to: string): Promise<number> {
  const [first, last] = from <= to ? [from, to] : [to, from];
  const days = await calendarRepository.between(db, first, last);
  const cal: CalendarArrangement = {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
  };
  return workingDaysBetween(cal, from, to);
}

/** The English names of the State Council's holidays by their Chinese names (春节 → Spring Festival). */
const OFFICIAL_NAMES_EN = new Map(
  Object.values({ ...officialDays.holidays, ...officialDays.workdays }).map((label) => {
    const [en, zh] = label.split(',');
    return [zh, en];
  }),
);

/** One year's exceptions (official holidays named in English too) and the number of working days in each month. */
export async function calendarYear(deps: Deps, year: number) {
  const stored = (await calendarRepository.between(deps.db, `${year}-01-01`, `${year}-12-31`)) as CalendarDay[];
  const days = stored.map((d) => ({ ...d, nameEn: OFFICIAL_NAMES_EN.get(d.name) ?? d.name }));
  const cal = await arrangementAround(deps.db, `${year}-07-01`);
  const workingDaysPerMonth = Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    const lastDay = addCalendarDays(i === 11 ? `${year + 1}-01-01` : `${year}-${String(i + 2).padStart(2, '0')}-01`, -1);
    return workingDaysBetween(cal, addCalendarDays(`${month}-01`, -1), lastDay);
  });
  return { year, days, workingDaysPerMonth };
}

/** Marks a day as a holiday or a make-up working day, or back to normal (office), audited. */
export async function setCalendarDay(deps: Deps, ctx: UserContext, date: string, body: z.infer<typeof setCalendarDayBody>) {
  requirePermission(ctx, 'calendar:manage');
  await deps.db.transaction().execute(async (trx) => {
    const before = (await calendarRepository.find(trx, date)) ?? null;
    if (body.kind === 'normal') await calendarRepository.delete(trx, date);
    else await calendarRepository.upsert(trx, { date, kind: body.kind, name: body.name, updatedAt: deps.clock.now().toISOString(), updatedBy: ctx.user.id });
    const after = body.kind === 'normal' ? null : { date, kind: body.kind, name: body.name };
    await recordAudit(trx, deps, ctx, { action: 'calendar.set_day', entityType: 'calendar', entityId: date, before, after });
  });
}
