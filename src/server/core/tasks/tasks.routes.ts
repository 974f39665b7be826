import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  assignableUsersResponse,
  createTaskBody,
  taskAssignBody,
  taskCommentBody,
  taskDetailSchema,
  taskIdParams,
  taskListQuery,
  taskPage,
  taskTransitionBody,
} from '../../../shared/modules/tasks.schemas';
import { registerAttachmentOwner } from '../attachments/owners';
import { taskAttachmentOwner } from './tasks.attachments';
import type { Deps } from '../deps';
import { listRoutes } from '../http/list-routes';
import { userCtx } from '../http/request-context';
import { TASK_EXPORT_COLUMNS } from './tasks.export';
import { allTasks, assignTask, assignableUsers, commentOnTask, createAdhocTask, getTask, listTasks, transitionTask } from './tasks.service';

/** Tasks (督办): lists in three views, the task page, the office's ad-hoc tasks, status changes and comments. */
export function taskRoutes(app: FastifyInstance, deps: Deps) {
  registerAttachmentOwner('task', taskAttachmentOwner);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tasks'];
  const read = { permission: 'task:read' as const };
  listRoutes(app, {
    path: '/api/tasks',
    tags,
    config: read,
    query: taskListQuery,
    response: taskPage,
    list: (ctx, q) => listTasks(deps, ctx, q),
    exportAll: (ctx, filter) => allTasks(deps, ctx, filter),
    sheet: 'tasks',
    fileName: { zh: '督办事项.xlsx', en: 'tasks.xlsx' },
    columns: (_en, locale) => TASK_EXPORT_COLUMNS(locale),
  });
  r.get('/api/tasks/:id', { config: read, schema: { tags, params: taskIdParams, response: { 200: taskDetailSchema } } }, (req) =>
    getTask(deps, userCtx(req), req.params.id),
  );
  r.post('/api/tasks', { config: { permission: 'task:assign' }, schema: { tags, body: createTaskBody, response: { 200: taskDetailSchema } } }, (req) =>
    createAdhocTask(deps, userCtx(req), req.body),
  );
  r.post(
    '/api/tasks/:id/transitions',
    { config: read, schema: { tags, params: taskIdParams, body: taskTransitionBody, response: { 200: taskDetailSchema } } },
    (req) => transitionTask(deps, userCtx(req), req.params.id, req.body),
  );
  r.post(
    '/api/tasks/:id/comments',
    { config: read, schema: { tags, params: taskIdParams, body: taskCommentBody, response: { 200: taskDetailSchema } } },
    (req) => commentOnTask(deps, userCtx(req), req.params.id, req.body.text),
  );
  r.get('/api/tasks/:id/assignable-users', { config: read, schema: { tags, params: taskIdParams, response: { 200: assignableUsersResponse } } }, (req) =>
    assignableUsers(deps, userCtx(req), req.params.id),
  );
  r.put('/api/tasks/:id/assignee', { config: read, schema: { tags, params: taskIdParams, body: taskAssignBody, response: { 200: taskDetailSchema } } }, (req) =>
    assignTask(deps, userCtx(req), req.params.id, req.body.assigneeUserId),
  );
}
