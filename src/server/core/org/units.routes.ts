import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createUnitBody, idParams, unitListQuery, unitSchema, updateUnitBody } from '../../../shared/modules/admin.schemas';
import type { Deps } from '../deps';
import { userCtx } from '../http/request-context';
import { createUnit, getUnit, listUnits, updateUnit } from './units.service';

/** The organisation tree. */
export function unitRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['units'];
  r.get('/api/units', { config: { permission: 'unit:read' }, schema: { tags, querystring: unitListQuery, response: { 200: z.array(unitSchema) } } }, (req) =>
    listUnits(deps, userCtx(req), req.query),
  );
  r.get('/api/units/:id', { config: { permission: 'unit:read' }, schema: { tags, params: idParams, response: { 200: unitSchema } } }, (req) =>
    getUnit(deps, userCtx(req), req.params.id),
  );
  r.post('/api/units', { config: { permission: 'unit:manage' }, schema: { tags, body: createUnitBody, response: { 200: unitSchema } } }, (req) =>
    createUnit(deps, userCtx(req), req.body),
  );
  r.patch(
    '/api/units/:id',
    { config: { permission: 'unit:manage' }, schema: { tags, params: idParams, body: updateUnitBody, response: { 200: unitSchema } } },
    (req) => updateUnit(deps, userCtx(req), req.params.id, req.body),
  );
}
