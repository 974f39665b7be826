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
import { exportXlsx } from '../excel/export';
import { sendXlsx } from '../http/reply';
import { userCtx } from '../http/request-context';
import { TASK_EXPORT_COLUMNS } from './tasks.export';
import { allTasks, assignTask, assignableUsers, commentOnTask, createAdhocTask, getTask, listTasks, transitionTask } from './tasks.service';

/** Tasks (督办): lists in three views, the task page, the office's ad-hoc tasks, status changes and comments. */
export function taskRoutes(app: FastifyInstance, deps: Deps) {
  registerAttachmentOwner('task', taskAttachmentOwner);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tasks'];
  const read = { permission: 'task:read' as const };
  r.get('/api/tasks', { config: read, schema: { tags, querystring: taskListQuery, response: { 200: taskPage } } }, (req) =>
    listTasks(deps, userCtx(req), req.query),
  );
  r.get('/api/tasks/export.xlsx', { config: read, schema: { tags, querystring: taskListQuery } }, async (req, reply) => {
    const ctx = userCtx(req);
    const rows = await allTasks(deps, ctx, req.query);
    return sendXlsx(
      reply,
      ctx.locale === 'en-US' ? 'tasks.xlsx' : '督办事项.xlsx',
      await exportXlsx('tasks', TASK_EXPORT_COLUMNS(ctx.locale), rows, ctx.locale),
    );
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
