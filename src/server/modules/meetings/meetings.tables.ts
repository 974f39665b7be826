import type { Generated } from 'kysely';

// The meetings module's tables as the application sees them (camelCase; see core/db/schema.ts for the conventions).

export interface MeetingTable {
  id: Generated<number>;
  /** monthly (月例会), dispatch (调度会), service_team (专班会议), matchmaking (政银企对接会). */
  kind: string;
  title: string;
  meetingDate: string;
  location: string;
  convener: string;
  /** The convening unit. */
  unitId: number;
  attendees: string;
  agenda: string;
  minutes: string;
  /** planned (created ahead by its schedule) or held (recorded). */
  status: Generated<string>;
  scheduleId: number | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface MeetingUnitTable {
  meetingId: number;
  unitId: number;
}

export interface MeetingDecisionTable {
  id: Generated<number>;
  meetingId: number;
  seq: number;
  text: string;
  ownerUnitId: number;
  dueDate: string;
  taskId: number | null;
}

export interface MeetingScheduleTable {
  id: Generated<number>;
  kind: string;
  title: string;
  workingDay: number;
  leadWorkingDays: number;
  /** Meets every n months (1: monthly; 政银企对接会: 2), counted from `startMonth` (`YYYY-MM`). */
  everyMonths: Generated<number>;
  startMonth: string | null;
  location: string;
  convener: string;
  attendees: string;
  agenda: string;
  unitId: number;
  active: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

export interface MeetingScheduleUnitTable {
  scheduleId: number;
  unitId: number;
}

declare module '../../core/db/schema' {
  interface Database {
    meetings: MeetingTable;
    meetingUnits: MeetingUnitTable;
    meetingDecisions: MeetingDecisionTable;
    meetingSchedules: MeetingScheduleTable;
    meetingScheduleUnits: MeetingScheduleUnitTable;
  }
}
