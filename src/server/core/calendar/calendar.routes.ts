import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  calendarYearQuery,
  calendarYearResponse,
  dateParams,
  setCalendarDayBody,
  workingDayQuery,
  workingDayResponse,
} from '../../../shared/modules/calendar.schemas';
import type { Deps } from '../deps';
import { userCtx } from '../http/request-context';
import { calendarYear, setCalendarDay, workingDayAfter } from './calendar.service';

/** The county working-day calendar: everyone reads it, the office edits it. */
export function calendarRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];
  r.get('/api/calendar', { schema: { tags, querystring: calendarYearQuery, response: { 200: calendarYearResponse } } }, (req) =>
    calendarYear(deps, req.query.year),
  );
  r.get('/api/calendar/working-day', { schema: { tags, querystring: workingDayQuery, response: { 200: workingDayResponse } } }, async (req) => ({
    ...req.query,
    date: await workingDayAfter(deps.db, req.query.from, req.query.add),
  }));
  r.put(
    '/api/calendar/days/:date',
    { config: { permission: 'calendar:manage' }, schema: { tags, params: dateParams, body: setCalendarDayBody } },
    async (req, reply) => {
      await setCalendarDay(deps, userCtx(req), req.params.date, req.body);
      return reply.status(204).send();
    },
  );
}
