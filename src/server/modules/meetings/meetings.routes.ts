import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type MEETING_KINDS,
  type MeetingListItem,
  createMeetingBody,
  meetingIdParams,
  meetingListQuery,
  meetingPage,
  meetingSchedulesResponse,
  meetingScheduleBody,
  meetingScheduleIdParams,
  meetingScheduleSchema,
  meetingSchema,
  updateMeetingBody,
} from '../../../shared/modules/meetings.schemas';
import type { Deps } from '../../core/deps';
import type { ExportColumn } from '../../core/excel/export';
import { listRoutes } from '../../core/http/list-routes';
import { userCtx } from '../../core/http/request-context';
import { allMeetings, createMeeting, getMeeting, listMeetings, updateMeeting } from './meetings.service';
import { listSchedules, saveSchedule } from './schedules.service';

const KIND_NAMES: Record<(typeof MEETING_KINDS)[number], [string, string]> = {
  monthly: ['月例会', 'Monthly meeting'],
  dispatch: ['经济运行调度会', 'Dispatch meeting'],
  service_team: ['专班会议', 'Service-team meeting'],
  matchmaking: ['政银企对接会', 'Government–bank–enterprise matchmaking'],
};

const EXPORT_COLUMNS = (en: boolean): ExportColumn<MeetingListItem>[] => [
  { zh: '会议日期', en: 'Date', value: (r) => r.meetingDate },
  { zh: '类型', en: 'Kind', value: (r) => KIND_NAMES[r.kind][en ? 1 : 0] },
  { zh: '会议名称', en: 'Title', width: 40, value: (r) => r.title },
  { zh: '状态', en: 'Status', value: (r) => (r.status === 'planned' ? ['计划召开', 'Planned'] : ['已召开', 'Held'])[en ? 1 : 0] },
  { zh: '召集人', en: 'Convener', value: (r) => r.convener },
  { zh: '议定事项', en: 'Decisions', value: (r) => r.decisionCount },
  { zh: '已办结', en: 'Done', value: (r) => r.doneCount },
];

/** Meetings and their decisions, their files, and the schedules of recurring meetings. */
export function meetingRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['meetings'];
  listRoutes(app, {
    path: '/api/meetings',
    tags,
    config: { permission: 'meeting:read' },
    query: meetingListQuery,
    response: meetingPage,
    list: (ctx, q) => listMeetings(deps, ctx, q),
    exportAll: (ctx, filter) => allMeetings(deps, ctx, filter),
    sheet: 'meetings',
    fileName: { zh: '会议.xlsx', en: 'meetings.xlsx' },
    columns: EXPORT_COLUMNS,
  });
  r.post('/api/meetings', { config: { permission: 'meeting:write' }, schema: { tags, body: createMeetingBody, response: { 200: meetingSchema } } }, (req) =>
    createMeeting(deps, userCtx(req), req.body),
  );
  r.patch(
    '/api/meetings/:id',
    { config: { permission: 'meeting:write' }, schema: { tags, params: meetingIdParams, body: updateMeetingBody, response: { 200: meetingSchema } } },
    (req) => updateMeeting(deps, userCtx(req), req.params.id, req.body),
  );
  const write = { permission: 'meeting:write' as const };
  r.get('/api/meeting-schedules', { config: write, schema: { tags, response: { 200: meetingSchedulesResponse } } }, async (req) => ({
    items: await listSchedules(deps, userCtx(req)),
  }));
  r.post('/api/meeting-schedules', { config: write, schema: { tags, body: meetingScheduleBody, response: { 200: meetingScheduleSchema } } }, (req) =>
    saveSchedule(deps, userCtx(req), req.body),
  );
  r.put(
    '/api/meeting-schedules/:id',
    { config: write, schema: { tags, params: meetingScheduleIdParams, body: meetingScheduleBody, response: { 200: meetingScheduleSchema } } },
    (req) => saveSchedule(deps, userCtx(req), req.body, req.params.id),
  );
  r.get('/api/meetings/:id', { config: { permission: 'meeting:read' }, schema: { tags, params: meetingIdParams, response: { 200: meetingSchema } } }, (req) =>
    getMeeting(deps, userCtx(req), req.params.id),
  );
}
