import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  calendarYearQuery,
  calendarYearResponse,
  dateParams,
  setCalendarDayBody,
  workingDayQuery,
  workingDayResponse,
  workingDaysBetweenQuery,
  workingDaysBetweenResponse,
} from '../../../shared/modules/calendar.schemas';
import { registerAttachmentOwner } from '../attachments/owners';
import type { Deps } from '../deps';
import { userCtx } from '../http/request-context';
import { importRoutes } from '../excel/import.routes';
import { calendarYearOwner } from './calendar.attachments';
import { calendarTemplate, importCalendar } from './calendar.import';
import { calendarYear, setCalendarDay, workingDayAfter, workingDaysFromTo } from './calendar.service';

/** The county working-day calendar: everyone reads it, the office edits it. */
export function calendarRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];
  // The year's official notices (国务院办公厅关于节假日安排的通知) are kept as attachments of the year.
  registerAttachmentOwner('calendar_year', calendarYearOwner);
  importRoutes(app, {
    base: '/api/calendar',
    permission: 'calendar:manage',
    tags,
    fileName: { zh: '节假日安排导入模板.xlsx', en: 'calendar-import-template.xlsx' },
    template: (ctx) => calendarTemplate(ctx.locale),
    run: (ctx, buffer) => importCalendar(deps, ctx, buffer),
  });
  r.get('/api/calendar', { schema: { tags, querystring: calendarYearQuery, response: { 200: calendarYearResponse } } }, (req) =>
    calendarYear(deps, req.query.year),
  );
  r.get('/api/calendar/working-day', { schema: { tags, querystring: workingDayQuery, response: { 200: workingDayResponse } } }, async (req) => ({
    ...req.query,
    date: await workingDayAfter(deps.db, req.query.from, req.query.add),
  }));
  r.get(
    '/api/calendar/working-days-between',
    { schema: { tags, querystring: workingDaysBetweenQuery, response: { 200: workingDaysBetweenResponse } } },
    async (req) => ({ ...req.query, workingDays: await workingDaysFromTo(deps.db, req.query.from, req.query.to) }),
  );
  r.put(
    '/api/calendar/days/:date',
    { config: { permission: 'calendar:manage' }, schema: { tags, params: dateParams, body: setCalendarDayBody } },
    async (req, reply) => {
      await setCalendarDay(deps, userCtx(req), req.params.date, req.body);
      return reply.status(204).send();
    },
  );
}
