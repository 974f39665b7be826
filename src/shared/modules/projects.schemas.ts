import { z } from 'zod';
import { listQuery, pageOf } from '../list';
import { MILESTONE_STATES, PROJECT_STAGES } from '../rules/project-progress';
import type { PermissionSet } from '../permissions';

/** Permissions of key projects (重点项目): read, report (investment, own milestones), manage the library. */
export const PROJECT_PERMISSIONS = ['project:read', 'project:write', 'project:manage'] as const;
declare module '../permissions' {
  interface ModulePermissions extends PermissionSet<typeof PROJECT_PERMISSIONS> {}
}

export { PROJECT_STAGES, MILESTONE_STATES };
/** 三大改造项目库 or 工业强县重点项目库. */
export const PROJECT_LIBRARIES = ['three_transformations', 'strong_county'] as const;
/** 智能化改造, 绿色化改造, 技术改造 — a 三大改造 project may be several. */
export const PROJECT_TYPES = ['intelligent', 'green', 'technical'] as const;
export const PROJECT_COLOURS = ['green', 'yellow', 'red'] as const;

const id = z.coerce.number().int().positive();
const text = (max: number) => z.string().trim().max(max);
/** Money in fen: a non-negative whole number, at most 10^14 fen (1万亿元). */
const fen = z.number().int('err.report.not_an_integer').min(0).max(100_000_000_000_000);
const unitBrief = z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string() });
const userBrief = z.object({ id: z.number().int(), displayName: z.string() });

// The fields a project is made of. No defaults here: the update schema reuses them and must change only what it names.
const projectFields = {
  code: text(40).min(1, 'err.required'),
  name: text(200).min(1, 'err.required'),
  library: z.enum(PROJECT_LIBRARIES),
  types: z.array(z.enum(PROJECT_TYPES)).max(3),
  enterpriseId: z.number().int().positive().nullable(),
  chainUnitId: z.number().int().positive().nullable(),
  townshipUnitId: z.number().int().positive(),
  stage: z.enum(PROJECT_STAGES),
  totalInvestmentFen: fen,
  annualPlanFen: fen,
  plannedStart: z.iso.date(),
  plannedCompletion: z.iso.date(),
  plannedProduction: z.iso.date(),
  leaderUserId: z.number().int().positive().nullable(),
  responsibleUnitId: z.number().int().positive(),
  responsiblePerson: text(60),
  serviceTeamUnitId: z.number().int().positive().nullable(),
  content: text(4000),
  location: text(200),
  lng: z.number().min(-180).max(180).nullable(),
  lat: z.number().min(-90).max(90).nullable(),
};

export const createProjectBody = z.strictObject({
  ...projectFields,
  types: projectFields.types.default([]),
  enterpriseId: projectFields.enterpriseId.default(null),
  chainUnitId: projectFields.chainUnitId.default(null),
  leaderUserId: projectFields.leaderUserId.default(null),
  responsiblePerson: projectFields.responsiblePerson.default(''),
  serviceTeamUnitId: projectFields.serviceTeamUnitId.default(null),
  content: projectFields.content.default(''),
  location: projectFields.location.default(''),
  lng: projectFields.lng.default(null),
  lat: projectFields.lat.default(null),
});
export type CreateProjectBody = z.infer<typeof createProjectBody>;
/** A PATCH changes exactly the fields it names. */
export const updateProjectBody = z.strictObject(projectFields).partial();
export type UpdateProjectBody = z.infer<typeof updateProjectBody>;

/** The colour thresholds (`ProjectThresholds`) as stored in the settings; the defaults are rules.md's. */
export const projectThresholdsSchema = z.strictObject({
  greenMinGapPp: z.number().min(-100).max(100),
  yellowMinGapPp: z.number().min(-100).max(100),
  redLateMonths: z.number().int().min(1).max(36),
});

export const projectProgressSchema = z.object({
  /** The month the figures run to (the last closed month). */
  asOfMonth: z.string(),
  ytdFen: z.number(),
  completion: z.number().nullable(),
  timeProgress: z.number(),
  gapPp: z.number().nullable(),
  colour: z.enum(PROJECT_COLOURS),
});

export const projectListItem = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  library: z.enum(PROJECT_LIBRARIES),
  types: z.array(z.enum(PROJECT_TYPES)),
  enterprise: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  chainUnit: unitBrief.nullable(),
  townshipUnit: unitBrief,
  stage: z.enum(PROJECT_STAGES),
  totalInvestmentFen: z.number(),
  annualPlanFen: z.number(),
  plannedStart: z.string(),
  plannedCompletion: z.string(),
  plannedProduction: z.string(),
  leader: userBrief.nullable(),
  responsibleUnit: unitBrief,
  responsiblePerson: z.string(),
  ytdFen: z.number(),
  completion: z.number().nullable(),
  gapPp: z.number().nullable(),
  colour: z.enum(PROJECT_COLOURS),
  overdueMilestones: z.number().int(),
});
export type ProjectListItem = z.infer<typeof projectListItem>;

export const milestoneSchema = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  code: z.string().nullable(),
  name: z.string(),
  ownerUnit: unitBrief,
  dueDate: z.string(),
  metDate: z.string().nullable(),
  note: z.string(),
  state: z.enum(MILESTONE_STATES),
  wasOverdue: z.boolean(),
  task: z.object({ id: z.number().int(), status: z.string(), escalationStep: z.number().int() }).nullable(),
  /** Whether the caller may record this milestone (its owner unit, or the office). */
  canUpdate: z.boolean(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const investmentSchema = z.object({
  month: z.string(),
  completedFen: z.number(),
  progressText: z.string(),
  locked: z.boolean(),
  reportedAt: z.string(),
});
export type Investment = z.infer<typeof investmentSchema>;

export const projectSchema = projectListItem.extend({
  serviceTeamUnit: unitBrief.nullable(),
  content: z.string(),
  location: z.string(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  progress: projectProgressSchema,
  milestones: z.array(milestoneSchema),
  /** This year's months, January to the last closed month. */
  investments: z.array(investmentSchema),
  /** The 督办 tasks of its milestones and red months. */
  tasks: z.array(
    z.object({
      id: z.number().int(),
      type: z.string(),
      title: z.string(),
      status: z.string(),
      dueDate: z.string(),
      finishedDate: z.string().nullable(),
      wasOverdue: z.boolean(),
      ownerUnit: unitBrief,
    }),
  ),
  /** What the caller may do: edit the project and its milestone set (office), report its investment. */
  can: z.object({ manage: z.boolean(), report: z.boolean() }),
});
export type Project = z.infer<typeof projectSchema>;

export const PROJECT_SORTS = ['code', 'name', 'stage', 'totalInvestmentFen', 'annualPlanFen', 'plannedStart', 'ytdFen'] as const;
const projectFilters = {
  library: z.enum(PROJECT_LIBRARIES).optional(),
  type: z.enum(PROJECT_TYPES).optional(),
  stage: z.enum(PROJECT_STAGES).optional(),
  townshipUnitId: id.optional(),
  chainUnitId: id.optional(),
  leaderUserId: id.optional(),
  colour: z.enum(PROJECT_COLOURS).optional(),
  q: z.string().trim().max(60).optional(),
};
export const projectListQuery = z.strictObject({ ...listQuery, sort: z.enum(PROJECT_SORTS).optional(), ...projectFilters });
export type ProjectListQuery = z.infer<typeof projectListQuery>;
export type ProjectFilter = Omit<ProjectListQuery, 'page' | 'pageSize' | 'sort' | 'order'>;
export const projectPage = pageOf(projectListItem);
export const projectFilterQuery = z.strictObject(projectFilters);

/** The battle map: cards by stage, coloured by progress. */
export const boardCard = projectListItem.pick({
  id: true,
  code: true,
  name: true,
  library: true,
  colour: true,
  completion: true,
  gapPp: true,
  annualPlanFen: true,
  ytdFen: true,
  townshipUnit: true,
  leader: true,
  overdueMilestones: true,
});
export type BoardCard = z.infer<typeof boardCard>;
export const projectBoard = z.object({
  asOfMonth: z.string(),
  columns: z.array(
    z.object({
      stage: z.enum(PROJECT_STAGES),
      total: z.number().int(),
      colours: z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int() }),
      /** The stage's first cards, reds first. */
      cards: z.array(boardCard),
    }),
  ),
});
export type ProjectBoard = z.infer<typeof projectBoard>;

/** The Gantt: a page of projects with their milestones planned (due) against actual (met). */
export const ganttResponse = pageOf(
  z.object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    colour: z.enum(PROJECT_COLOURS),
    milestones: z.array(milestoneSchema.pick({ id: true, name: true, dueDate: true, metDate: true, state: true })),
  }),
);
export type GanttPage = z.infer<typeof ganttResponse>;

/** The per-leader view: each county leader's projects with their colours. */
export const leadersResponse = z.object({
  items: z.array(
    z.object({
      leader: userBrief.nullable(),
      colours: z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int() }),
      projects: z.array(boardCard),
    }),
  ),
});
export type LeadersView = z.infer<typeof leadersResponse>;

export const createMilestoneBody = z.strictObject({
  name: text(60).min(1, 'err.required'),
  ownerUnitId: z.number().int().positive(),
  dueDate: z.iso.date(),
});
/** The owner unit records a milestone met (or its note); the office may also move it or give it to another unit. */
export const updateMilestoneBody = z.strictObject({
  metDate: z.iso.date().nullable().optional(),
  note: text(1000).optional(),
  name: text(60).min(1, 'err.required').optional(),
  ownerUnitId: z.number().int().positive().optional(),
  dueDate: z.iso.date().optional(),
});

export const investmentBody = z.strictObject({
  completedFen: fen,
  progressText: text(2000).default(''),
});
export const projectIdParams = z.strictObject({ id });
export const milestoneParams = z.strictObject({ id, milestoneId: id });
export const investmentParams = z.strictObject({ id, month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'err.month') });
export const projectLeadersResponse = z.object({ items: z.array(userBrief) });
