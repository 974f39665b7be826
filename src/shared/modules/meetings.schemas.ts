import { z } from 'zod';
import { strictId } from '../ids';
import { listQuery, pageOf } from '../list';
import { patchOf } from '../patch';
import type { PermissionSet } from '../permissions';

/** Permissions of meetings (月例会, 调度会, service-team meetings) and their decisions. */
export const MEETING_PERMISSIONS = ['meeting:read', 'meeting:write'] as const;
declare module '../permissions' {
  interface ModulePermissions extends PermissionSet<typeof MEETING_PERMISSIONS> {}
}

/** 月例会, 经济运行调度会, 专班会议, 政银企对接会 (the financing module's matchmaking meetings). */
export const MEETING_KINDS = ['monthly', 'dispatch', 'service_team', 'matchmaking'] as const;
/** A scheduled meeting is planned until the office records it as held. */
export const MEETING_STATUSES = ['planned', 'held'] as const;

const id = strictId;
const text = (max: number) => z.string().trim().max(max);
const unitBrief = z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string() });

export const meetingDecisionBody = z.strictObject({
  text: text(500).min(1, 'err.required'),
  ownerUnitId: z.number().int().positive(),
  dueDate: z.iso.date(),
});

const meetingFields = {
  kind: z.enum(MEETING_KINDS),
  title: text(200).min(1, 'err.required'),
  meetingDate: z.iso.date(),
  location: text(200).default(''),
  convener: text(100).min(1, 'err.required'),
  attendees: text(2000).default(''),
  unitIds: z.array(z.number().int().positive()).max(200).default([]),
  agenda: text(5000).default(''),
  minutes: text(20000).default(''),
};
const decisions = z.array(meetingDecisionBody).max(50);

export const createMeetingBody = z.strictObject({
  ...meetingFields,
  /** A meeting is usually recorded once held; one announced ahead is planned and takes no decisions yet. */
  status: z.enum(MEETING_STATUSES).default('held'),
  /** Each decision becomes a 督办 task of its owner unit, due on its date. */
  decisions: decisions.default([]),
});

/**
 * The office edits a meeting's particulars and minutes, records a planned meeting as held, and adds decisions;
 * decisions already made are not edited here, because their tasks have lives of their own.
 */
export const updateMeetingBody = patchOf({
  title: meetingFields.title,
  meetingDate: meetingFields.meetingDate,
  location: meetingFields.location,
  convener: meetingFields.convener,
  attendees: meetingFields.attendees,
  unitIds: meetingFields.unitIds,
  agenda: meetingFields.agenda,
  minutes: meetingFields.minutes,
  status: z.enum(MEETING_STATUSES),
  /** Decisions taken since; each becomes a 督办 task like those of the record. */
  newDecisions: decisions,
});

/** A recurring meeting: the n-th working day of every month (or of every n-th month), created a few working days ahead. */
export const meetingScheduleBody = z.strictObject({
  kind: z.enum(MEETING_KINDS),
  title: text(200).min(1, 'err.required'),
  workingDay: z.number().int().min(1).max(20),
  /** Every n months (政银企对接会: 2), counted from `startMonth`; 1 is every month. */
  everyMonths: z.number().int().min(1).max(12).default(1),
  /** The first month of the cycle (`YYYY-MM`); by default the month the schedule is saved in. */
  startMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'err.VALIDATION')
    .nullable()
    .default(null),
  leadWorkingDays: z.number().int().min(1).max(15).default(5),
  location: text(200).default(''),
  convener: text(100).min(1, 'err.required'),
  attendees: text(2000).default(''),
  unitIds: z.array(z.number().int().positive()).max(200).default([]),
  agenda: text(5000).default(''),
  active: z.boolean().default(true),
});
export const meetingScheduleSchema = z.object({
  id: z.number().int(),
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  workingDay: z.number().int(),
  everyMonths: z.number().int(),
  startMonth: z.string().nullable(),
  leadWorkingDays: z.number().int(),
  location: z.string(),
  convener: z.string(),
  attendees: z.string(),
  agenda: z.string(),
  units: z.array(unitBrief),
  active: z.boolean(),
  /** The date of the next meeting on the county calendar (this month's, or next month's once it has passed). */
  nextDate: z.string().nullable(),
});
export type MeetingSchedule = z.infer<typeof meetingScheduleSchema>;
export const meetingSchedulesResponse = z.object({ items: z.array(meetingScheduleSchema) });

export const meetingDecisionSchema = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  text: z.string(),
  ownerUnit: unitBrief,
  dueDate: z.string(),
  task: z.object({ id: z.number().int(), status: z.string(), dueDate: z.string(), finishedDate: z.string().nullable() }).nullable(),
});

export const meetingSchema = z.object({
  id: z.number().int(),
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  meetingDate: z.string(),
  location: z.string(),
  convener: z.string(),
  unit: unitBrief,
  attendees: z.string(),
  units: z.array(unitBrief),
  agenda: z.string(),
  minutes: z.string(),
  status: z.enum(MEETING_STATUSES),
  scheduleId: z.number().int().nullable(),
  decisions: z.array(meetingDecisionSchema),
  createdAt: z.string(),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const meetingListItem = meetingSchema.omit({ decisions: true, units: true, agenda: true, minutes: true }).extend({
  decisionCount: z.number().int(),
  doneCount: z.number().int(),
});
export type MeetingListItem = z.infer<typeof meetingListItem>;

export const MEETING_SORTS = ['meetingDate', 'title'] as const;
export const meetingListQuery = z.strictObject({
  ...listQuery,
  sort: z.enum(MEETING_SORTS).optional(),
  kind: z.enum(MEETING_KINDS).optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  q: z.string().trim().max(60).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type MeetingListQuery = z.infer<typeof meetingListQuery>;
export const meetingPage = pageOf(meetingListItem);
export const meetingIdParams = z.strictObject({ id });
export const meetingScheduleIdParams = z.strictObject({ id });
