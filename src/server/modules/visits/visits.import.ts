import { z } from 'zod';
import { translate } from '../../../shared/i18n/messages';
import { uscc } from '../../../shared/modules/enterprises.schemas';
import { addCalendarDays } from '../../../shared/rules/working-days';
import { requirePermission } from '../../core/access/access';
import type { UserContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import { batches } from '../../core/db/batch';
import type { Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import {
  type ImportOutcome,
  type ImportProblem,
  type ImportSpec,
  type Pace,
  type ParsedRow,
  columnLabel,
  importAllOrNothing,
  importTemplate,
} from '../../core/excel/import';
import { notify } from '../../core/notifications/notifications.service';
import { countyDay } from '../../core/scheduler/scheduler';
import { visitsRepository } from './visits.repository';
import { type AssignmentWrite, writeAssignments } from './visits.service';

const row = z.object({
  uscc,
  name: z.string().trim().max(100).default(''),
  username: z.string().trim().min(1, 'err.required').max(64),
  fromDate: z.iso.date().optional(),
  note: z.string().trim().max(200).default(''),
});
type Row = z.infer<typeof row>;

/** Chief-officer assignments (首席服务官): a firm by its credit code, the officer by their account, from a day. */
export const assignmentSpec: ImportSpec<Row> = {
  sheet: { zh: '首席服务官分配', en: 'Chief officers' },
  row,
  columns: [
    {
      key: 'uscc',
      zh: '统一社会信用代码',
      en: 'Credit code',
      width: 22,
      required: true,
      notes: { zh: '18 位，含校验位', en: '18 characters with the check character' },
    },
    { key: 'name', zh: '企业名称', en: 'Name', width: 32, notes: { zh: '仅供核对，不导入', en: 'For reference only; not imported' } },
    {
      key: 'username',
      zh: '首席服务官账号',
      en: 'Officer account',
      width: 18,
      required: true,
      notes: { zh: '登录账号，须为在用的工作人员', en: 'Sign-in account of an active staff member' },
    },
    { key: 'fromDate', zh: '起始日期', en: 'From', width: 14, notes: { zh: '格式 2026-11-20，空则为今天', en: 'As 2026-11-20; today when empty' } },
    { key: 'note', zh: '备注', en: 'Note', width: 24 },
  ],
};

export const ASSIGNMENT_TEMPLATE_NAME = { zh: '首席服务官分配导入模板.xlsx', en: 'chief-officers-template.xlsx' };
export const assignmentTemplate = (ctx: UserContext) => importTemplate(assignmentSpec, ctx.locale);

/**
 * Credit codes → firms, accounts → staff, each firm once in the file, and a start after the firm's current
 * assignment's start (the history never overlaps). Linear: look-ups in Maps, queries in batches.
 */
async function resolveRows(trx: Trx, ctx: UserContext, rows: ParsedRow<Row>[], day: string, pace: Pace) {
  const firms = new Map<string, { id: number; name: string }>();
  for (const batch of batches([...new Set(rows.map((r) => r.values.uscc))], 1))
    for (const f of await visitsRepository.firmsByUscc(trx, batch)) firms.set(f.uscc, f);
  await pace.breathe();
  const staff = new Map((await visitsRepository.staffByUsernames(trx, [...new Set(rows.map((r) => r.values.username))])).map((u) => [u.username, u]));
  const history = new Map<number, { fromDate: string; toDate: string | null }[]>();
  for (const batch of batches(
    [...firms.values()].map((f) => f.id),
    1,
  ))
    for (const a of await visitsRepository.openAssignments(trx, batch, '0000-01-01')) history.set(a.enterpriseId, [...(history.get(a.enterpriseId) ?? []), a]);
  // As the form: an assignment still open the day before the new start must have started before it.
  const overlaps = (enterpriseId: number, fromDate: string) =>
    (history.get(enterpriseId) ?? []).some((a) => a.fromDate >= fromDate && (a.toDate === null || a.toDate >= addCalendarDays(fromDate, -1)));
  await pace.breathe();
  const label = (k: string) => columnLabel(assignmentSpec, k, ctx.locale);
  const problems: ImportProblem[] = [];
  const seen = new Set<number>();
  const resolved: AssignmentWrite[] = [];
  for (const { row: n, values } of rows) {
    await pace.tick();
    const firm = firms.get(values.uscc);
    const officer = staff.get(values.username);
    const fromDate = values.fromDate ?? day;
    if (!firm) problems.push({ row: n, column: label('uscc'), message: translate(ctx.locale, 'err.visit.import_firm_unknown') });
    if (!officer) problems.push({ row: n, column: label('username'), message: translate(ctx.locale, 'err.visit.import_officer_unknown') });
    if (firm && seen.has(firm.id)) problems.push({ row: n, column: label('uscc'), message: translate(ctx.locale, 'err.visit.import_duplicate') });
    else if (firm && overlaps(firm.id, fromDate))
      problems.push({ row: n, column: label('fromDate'), message: translate(ctx.locale, 'err.visit.from_before_current') });
    if (firm) seen.add(firm.id);
    if (firm && officer) resolved.push({ enterpriseId: firm.id, officerUserId: officer.id, teamUnitId: officer.unitId, fromDate, note: values.note });
  }
  return { resolved, problems };
}

/**
 * The office imports chief-officer assignments, all rows or none: one unknown credit code or account, or a start
 * before a firm's current assignment, writes nothing and reports every row. Each firm's assignment in force ends
 * the day before the new one starts, as with the form; one audit row, and each officer is told once.
 */
export async function importAssignments(deps: Deps, ctx: UserContext, buffer: Buffer): Promise<ImportOutcome> {
  requirePermission(ctx, 'visit:manage');
  const day = countyDay(deps.clock.now());
  return importAllOrNothing(deps, buffer, assignmentSpec, ctx.locale, {
    check: (trx, rows, _refused, pace) => resolveRows(trx, ctx, rows, day, pace),
    write: async (trx, resolved, pace) => {
      const ended = await writeAssignments(trx, deps, ctx, resolved, pace);
      await recordAudit(trx, deps, ctx, {
        action: 'visit_assignment.import',
        entityType: 'visit_assignment',
        entityId: null,
        after: { rows: resolved.length, assignments: resolved.map((a) => [a.enterpriseId, a.officerUserId, a.fromDate]), ended },
      });
      const perOfficer = new Map<number, number>();
      for (const a of resolved) perOfficer.set(a.officerUserId, (perOfficer.get(a.officerUserId) ?? 0) + 1);
      for (const [officerUserId, n] of perOfficer)
        await notify(trx, deps, {
          userIds: [officerUserId],
          kind: 'visit.assigned',
          title: { zh: `您被指定为 ${n} 家企业的首席服务官`, en: `You are the chief service officer of ${n} firm(s)` },
          link: '/visits/assignments',
          entityType: 'visit_assignment',
          entityId: officerUserId,
        });
    },
  });
}
