import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type MEETING_KINDS,
  type MeetingListItem,
  createMeetingBody,
  meetingIdParams,
  meetingListQuery,
  meetingPage,
  meetingSchema,
} from '../../../shared/modules/meetings.schemas';
import type { Deps } from '../../core/deps';
import { type ExportColumn, exportXlsx } from '../../core/excel/export';
import { sendXlsx } from '../../core/http/reply';
import { userCtx } from '../../core/http/request-context';
import { allMeetings, createMeeting, getMeeting, listMeetings } from './meetings.service';

const KIND_NAMES: Record<(typeof MEETING_KINDS)[number], [string, string]> = {
  monthly: ['月例会', 'Monthly meeting'],
  dispatch: ['经济运行调度会', 'Dispatch meeting'],
  service_team: ['专班会议', 'Service-team meeting'],
};

const EXPORT_COLUMNS = (en: boolean): ExportColumn<MeetingListItem>[] => [
  { zh: '会议日期', en: 'Date', value: (r) => r.meetingDate },
  { zh: '类型', en: 'Kind', value: (r) => KIND_NAMES[r.kind][en ? 1 : 0] },
  { zh: '会议名称', en: 'Title', width: 40, value: (r) => r.title },
  { zh: '召集人', en: 'Convener', value: (r) => r.convener },
  { zh: '议定事项', en: 'Decisions', value: (r) => r.decisionCount },
  { zh: '已办结', en: 'Done', value: (r) => r.doneCount },
];

/** Meetings and their decisions. */
export function meetingRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['meetings'];
  r.get('/api/meetings', { config: { permission: 'meeting:read' }, schema: { tags, querystring: meetingListQuery, response: { 200: meetingPage } } }, (req) =>
    listMeetings(deps, userCtx(req), req.query),
  );
  r.get('/api/meetings/export.xlsx', { config: { permission: 'meeting:read' }, schema: { tags, querystring: meetingListQuery } }, async (req, reply) => {
    const ctx = userCtx(req);
    const { page: _p, pageSize: _s, ...filter } = req.query;
    const en = ctx.locale === 'en-US';
    return sendXlsx(
      reply,
      en ? 'meetings.xlsx' : '会议.xlsx',
      await exportXlsx('meetings', EXPORT_COLUMNS(en), await allMeetings(deps, ctx, filter), ctx.locale),
    );
  });
  r.post('/api/meetings', { config: { permission: 'meeting:write' }, schema: { tags, body: createMeetingBody, response: { 200: meetingSchema } } }, (req) =>
    createMeeting(deps, userCtx(req), req.body),
  );
  r.get('/api/meetings/:id', { config: { permission: 'meeting:read' }, schema: { tags, params: meetingIdParams, response: { 200: meetingSchema } } }, (req) =>
    getMeeting(deps, userCtx(req), req.params.id),
  );
}
