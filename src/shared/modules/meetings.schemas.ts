import { z } from 'zod';
import { listQuery, pageOf } from '../list';

/** 月例会, 经济运行调度会, 专班会议. */
export const MEETING_KINDS = ['monthly', 'dispatch', 'service_team'] as const;

const id = z.coerce.number().int().positive();
const text = (max: number) => z.string().trim().max(max);
const unitBrief = z.object({ id: z.number().int(), nameZh: z.string(), nameEn: z.string() });

export const meetingDecisionBody = z.strictObject({
  text: text(500).min(1, 'err.required'),
  ownerUnitId: z.number().int().positive(),
  dueDate: z.iso.date(),
});

export const createMeetingBody = z.strictObject({
  kind: z.enum(MEETING_KINDS),
  title: text(200).min(1, 'err.required'),
  meetingDate: z.iso.date(),
  location: text(200).default(''),
  convener: text(100).min(1, 'err.required'),
  attendees: text(2000).default(''),
  unitIds: z.array(z.number().int().positive()).max(200).default([]),
  agenda: text(5000).default(''),
  minutes: text(20000).default(''),
  /** Each decision becomes a 督办 task of its owner unit, due on its date. */
  decisions: z.array(meetingDecisionBody).max(50).default([]),
});

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
  q: z.string().trim().max(60).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type MeetingListQuery = z.infer<typeof meetingListQuery>;
export const meetingPage = pageOf(meetingListItem);
export const meetingIdParams = z.strictObject({ id });
