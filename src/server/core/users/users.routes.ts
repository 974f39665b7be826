import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createUserBody,
  createUserResponse,
  idParams,
  resetPasswordResponse,
  updateUserBody,
  userListQuery,
  userPage,
  userRolesBody,
  userSchema,
} from '../../../shared/modules/admin.schemas';
import type { Deps } from '../deps';
import { listRoutes } from '../http/list-routes';
import { userCtx } from '../http/request-context';
import { USER_EXPORT_COLUMNS, allUsers, createUser, getUser, listUsers, resetMfa, resetPassword, setUserRoles, updateUser } from './users.service';

/** User accounts (sysadmin manages, secadmin grants roles, others with `user:read` browse within their scope). */
export function userRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  listRoutes(app, {
    path: '/api/users',
    tags,
    config: { permission: 'user:read' },
    query: userListQuery,
    response: userPage,
    list: (ctx, q) => listUsers(deps, ctx, q),
    exportAll: (ctx, filter) => allUsers(deps, ctx, filter),
    sheet: 'users',
    fileName: { zh: '用户.xlsx', en: 'users.xlsx' },
    columns: USER_EXPORT_COLUMNS,
  });
  r.get('/api/users/:id', { config: { permission: 'user:read' }, schema: { tags, params: idParams, response: { 200: userSchema } } }, (req) =>
    getUser(deps, userCtx(req), req.params.id),
  );
  r.post(
    '/api/users',
    { config: { permission: 'user:manage' }, schema: { tags, body: createUserBody, response: { 200: createUserResponse } } },
    (req, reply) => {
      // A one-time password: no cache or proxy keeps it.
      reply.header('cache-control', 'no-store');
      return createUser(deps, userCtx(req), req.body);
    },
  );
  r.patch(
    '/api/users/:id',
    { config: { permission: 'user:manage' }, schema: { tags, params: idParams, body: updateUserBody, response: { 200: userSchema } } },
    (req) => updateUser(deps, userCtx(req), req.params.id, req.body),
  );
  r.post(
    '/api/users/:id/reset-password',
    { config: { permission: 'user:manage' }, schema: { tags, params: idParams, response: { 200: resetPasswordResponse } } },
    (req, reply) => {
      reply.header('cache-control', 'no-store');
      return resetPassword(deps, userCtx(req), req.params.id);
    },
  );
  r.post('/api/users/:id/mfa/reset', { config: { permission: 'user:manage' }, schema: { tags, params: idParams } }, async (req, reply) => {
    await resetMfa(deps, userCtx(req), req.params.id);
    return reply.status(204).send();
  });
  r.put(
    '/api/users/:id/roles',
    { config: { permission: 'role:manage' }, schema: { tags, params: idParams, body: userRolesBody, response: { 200: userSchema } } },
    (req) => setUserRoles(deps, userCtx(req), req.params.id, req.body.roleIds),
  );
}
