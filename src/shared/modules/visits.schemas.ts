import { z } from 'zod';
import { strictId } from '../ids';
import { listQuery, pageOf, queryBoolean } from '../list';
import { patchOf } from '../patch';
import type { PermissionSet } from '../permissions';
import { COVERAGE_PERIODS } from '../rules/visits-coverage';

/**
 * Permissions of service officers' visits (一联三帮 · 走访): read assignments, visits, coverage and cadre exchanges in
 * scope (an officer their team's, a township its firms'); log visits (a service officer, the office); manage the
 * chief-officer assignments, the cadre exchanges and the coverage setting (the office).
 */
export const VISIT_PERMISSIONS = ['visit:read', 'visit:write', 'visit:manage'] as const;
declare module '../permissions' {
  interface ModulePermissions extends PermissionSet<typeof VISIT_PERMISSIONS> {}
}

export { COVERAGE_PERIODS };

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => text(max).min(1, 'err.required');
const day = z.iso.date();
const unitBrief = z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string() });
const firmBrief = z.object({ id: z.number().int(), name: z.string() });
const userBrief = z.object({ id: z.number().int(), displayName: z.string() });
export type UnitBrief = z.infer<typeof unitBrief>;

export const idParams = z.strictObject({ id: strictId });

// ---- Chief service officers (首席服务官) ------------------------------------------------------------------------

export const assignmentSchema = z.object({
  id: z.number().int(),
  enterprise: firmBrief,
  township: unitBrief,
  officer: userBrief,
  team: unitBrief,
  fromDate: z.string(),
  toDate: z.string().nullable(),
  /** Whether it holds the firm today. */
  current: z.boolean(),
  note: z.string(),
});
export type Assignment = z.infer<typeof assignmentSchema>;
export const ASSIGNMENT_SORTS = ['id', 'enterprise', 'fromDate', 'toDate'] as const;
export const assignmentListQuery = z.strictObject({
  ...listQuery,
  sort: z.enum(ASSIGNMENT_SORTS).optional(),
  q: text(100).optional(),
  officerUserId: strictId.optional(),
  teamUnitId: strictId.optional(),
  enterpriseId: strictId.optional(),
  /** Only the assignments holding their firm today (default), or the whole history. */
  current: queryBoolean.optional(),
});
export type AssignmentListQuery = z.infer<typeof assignmentListQuery>;
export const assignmentPage = pageOf(assignmentSchema);

/** Assign firms to an officer from a day: each firm's current assignment ends the day before. */
export const assignBody = z.strictObject({
  enterpriseIds: z.array(z.number().int().positive()).min(1, 'err.required').max(500),
  officerUserId: z.number().int().positive(),
  fromDate: day,
  note: text(200).default(''),
});
export const assignResponse = z.object({ assigned: z.number().int() });
/** End an assignment on a day (the firm then has no chief officer until it is assigned again). */
export const endAssignmentBody = z.strictObject({ toDate: day });

/** The staff a firm may be assigned to: service officers first, then any staff user. */
export const officerSchema = z.object({ id: z.number().int(), displayName: z.string(), unit: unitBrief, serviceOfficer: z.boolean() });
export const officersResponse = z.object({ items: z.array(officerSchema) });

// ---- Cadre exchange (政企干部双向交流) -------------------------------------------------------------------------

/** A government cadre stationed at a firm, or a firm's manager stationed at a government unit. */
export const EXCHANGE_DIRECTIONS = ['to_firm', 'to_unit'] as const;
const exchangeFields = {
  personName: required(40),
  direction: z.enum(EXCHANGE_DIRECTIONS),
  /** The government unit: the cadre's home unit (to_firm) or the unit hosting the firm's manager (to_unit). */
  unitId: z.number().int().positive(),
  /** The firm: hosting the cadre (to_firm) or the manager's home firm (to_unit). */
  enterpriseId: z.number().int().positive(),
  role: required(60),
  fromDate: day,
  toDate: day.nullable(),
  note: text(500),
};
export const createExchangeBody = z.strictObject({ ...exchangeFields, toDate: exchangeFields.toDate.default(null), note: exchangeFields.note.default('') });
export const updateExchangeBody = patchOf(exchangeFields);
export const exchangeSchema = z.object({
  id: z.number().int(),
  personName: z.string(),
  direction: z.enum(EXCHANGE_DIRECTIONS),
  unit: unitBrief,
  enterprise: firmBrief,
  role: z.string(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  current: z.boolean(),
  note: z.string(),
});
export type Exchange = z.infer<typeof exchangeSchema>;
export const EXCHANGE_SORTS = ['id', 'personName', 'fromDate', 'toDate'] as const;
export const exchangeListQuery = z.strictObject({
  ...listQuery,
  sort: z.enum(EXCHANGE_SORTS).optional(),
  q: text(100).optional(),
  direction: z.enum(EXCHANGE_DIRECTIONS).optional(),
  unitId: strictId.optional(),
  enterpriseId: strictId.optional(),
  current: queryBoolean.optional(),
});
export type ExchangeListQuery = z.infer<typeof exchangeListQuery>;
export const exchangePage = pageOf(exchangeSchema);
export const okResponse = z.object({ ok: z.boolean() });

// ---- Visits (走访) ---------------------------------------------------------------------------------------------

const problemBody = z.strictObject({
  text: required(1000),
  /** The unit that must solve it: its 督办 task `visit_problem`. */
  ownerUnitId: z.number().int().positive(),
  workingDays: z.number().int().min(1).max(60),
});
const visitFields = {
  visitDate: day,
  /** The officers who went; the caller is always one of them. */
  officerUserIds: z.array(z.number().int().positive()).max(10).default([]),
  peopleMet: required(200),
  discussion: required(4000),
};
export const createVisitBody = z.strictObject({
  enterpriseId: z.number().int().positive(),
  ...visitFields,
  problems: z.array(problemBody).max(20).default([]),
});
/**
 * Edit a visit (its author or the office, within the setting's days): the day, the officers, whom they met and what
 * was discussed. The firm and the problems stay: the problems are tasks and requests in other hands already.
 */
export const updateVisitBody = patchOf(visitFields);
/** Delete a visit without filed problems (its author or the office, within the setting's days), with the reason. */
export const deleteVisitBody = z.strictObject({ reason: required(500) });
export const problemSchema = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  text: z.string(),
  ownerUnit: unitBrief,
  taskId: z.number().int().nullable(),
  taskStatus: z.string().nullable(),
  dueDate: z.string().nullable(),
  requestId: z.number().int().nullable(),
  requestStatus: z.string().nullable(),
});
export const visitListItem = z.object({
  id: z.number().int(),
  visitDate: z.string(),
  enterprise: firmBrief,
  township: unitBrief,
  team: unitBrief,
  officers: z.array(userBrief),
  peopleMet: z.string(),
  problems: z.number().int(),
  openProblems: z.number().int(),
});
export type VisitListItem = z.infer<typeof visitListItem>;
export const visitSchema = visitListItem.extend({
  discussion: z.string(),
  problemList: z.array(problemSchema),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  /** Whether the caller may add files. */
  canWrite: z.boolean(),
  /** Whether the caller may edit it now, and delete it (no problem filed); the last day either is possible. */
  canEdit: z.boolean(),
  canDelete: z.boolean(),
  editableUntil: z.string(),
});
export type Visit = z.infer<typeof visitSchema>;
export const VISIT_SORTS = ['id', 'visitDate', 'enterprise'] as const;
export const visitListQuery = z.strictObject({
  ...listQuery,
  sort: z.enum(VISIT_SORTS).optional(),
  q: text(100).optional(),
  enterpriseId: strictId.optional(),
  teamUnitId: strictId.optional(),
  townshipUnitId: strictId.optional(),
  officerUserId: strictId.optional(),
  from: day.optional(),
  to: day.optional(),
  withProblems: queryBoolean.optional(),
});
export type VisitListQuery = z.infer<typeof visitListQuery>;
export const visitPage = pageOf(visitListItem);

/** The firms the caller may log a visit to, with their chief officer. */
export const visitableSchema = z.object({ id: z.number().int(), name: z.string(), officer: userBrief.nullable(), team: unitBrief.nullable() });
export const visitablesResponse = z.object({ items: z.array(visitableSchema) });
export const problemUnitsResponse = z.object({ items: z.array(unitBrief) });

// ---- Coverage (走访覆盖) ---------------------------------------------------------------------------------------

const editDays = z.number().int().min(0).max(90);
/** The visits settings: coverage, and the days a visit may be edited or deleted after it was logged (kept when omitted). */
export const coverageSettingsSchema = z.strictObject({
  period: z.enum(COVERAGE_PERIODS),
  remindWorkingDays: z.number().int().min(1).max(60),
  editDays: editDays.optional(),
});
export const visitSettingsSchema = coverageSettingsSchema.extend({ editDays });
export type VisitSettings = z.infer<typeof visitSettingsSchema>;
export const coverageQuery = z.strictObject({ period: text(10).optional(), teamUnitId: strictId.optional() });
export const coverageSchema = z.object({
  period: z.object({ key: z.string(), start: z.string(), end: z.string(), kind: z.enum(COVERAGE_PERIODS) }),
  asOf: z.string().nullable(),
  /** The periods one may look at, newest first. */
  periods: z.array(z.string()),
  total: z.object({ firms: z.number().int(), visited: z.number().int(), rate: z.number() }),
  teams: z.array(z.object({ team: unitBrief, officers: z.number().int(), firms: z.number().int(), visited: z.number().int(), rate: z.number() })),
  officers: z.array(
    z.object({
      officer: userBrief,
      team: unitBrief,
      firms: z.number().int(),
      visited: z.number().int(),
      rate: z.number(),
      unvisited: z.array(firmBrief),
    }),
  ),
});
export type Coverage = z.infer<typeof coverageSchema>;
