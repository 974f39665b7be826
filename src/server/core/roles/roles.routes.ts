import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createRoleBody, idParams, roleSchema, updateRoleBody } from '../../../shared/modules/admin.schemas';
import type { Deps } from '../deps';
import { userCtx } from '../http/request-context';
import { createRole, deleteRole, listRoles, permissionCatalogue, updateRole } from './roles.service';

/** Roles, permissions and data scopes (secadmin). */
export function roleRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['roles'];
  r.get('/api/roles', { config: { permission: 'role:read' }, schema: { tags, response: { 200: z.array(roleSchema) } } }, (req) =>
    listRoles(deps, userCtx(req)),
  );
  r.get(
    '/api/permissions',
    { config: { permission: 'role:read' }, schema: { tags, response: { 200: z.array(z.object({ code: z.string(), family: z.string().nullable() })) } } },
    async (req) => permissionCatalogue(userCtx(req)),
  );
  r.post('/api/roles', { config: { permission: 'role:manage' }, schema: { tags, body: createRoleBody, response: { 200: roleSchema } } }, (req) =>
    createRole(deps, userCtx(req), req.body),
  );
  r.patch(
    '/api/roles/:id',
    { config: { permission: 'role:manage' }, schema: { tags, params: idParams, body: updateRoleBody, response: { 200: roleSchema } } },
    (req) => updateRole(deps, userCtx(req), req.params.id, req.body),
  );
  r.delete('/api/roles/:id', { config: { permission: 'role:manage' }, schema: { tags, params: idParams } }, async (req, reply) => {
    await deleteRole(deps, userCtx(req), req.params.id);
    return reply.status(204).send();
  });
}
