import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type ProjectListItem,
  createMilestoneBody,
  createProjectBody,
  ganttResponse,
  investmentBody,
  investmentParams,
  leadersResponse,
  milestoneParams,
  projectBoard,
  projectFilterQuery,
  projectIdParams,
  projectLeadersResponse,
  projectListQuery,
  projectPage,
  projectSchema,
  updateMilestoneBody,
  updateProjectBody,
} from '../../../shared/modules/projects.schemas';
import type { AttachmentOwner } from '../../core/attachments/owners';
import type { Deps } from '../../core/deps';
import type { ExportColumn } from '../../core/excel/export';
import { importRoutes } from '../../core/excel/import.routes';
import { listRoutes } from '../../core/http/list-routes';
import { userCtx } from '../../core/http/request-context';
import { LIBRARY_NAMES, STAGE_NAMES, TYPE_NAMES, importProjects, projectTemplate } from './projects.import';
import {
  addMilestone,
  allProjects,
  canFileProject,
  canSeeProject,
  createProject,
  getProject,
  leaderUsers,
  listProjects,
  projectBoard as board,
  projectGantt,
  projectsByLeader,
  reportInvestment,
  updateMilestone,
  updateProject,
} from './projects.service';

const COLOUR_NAMES = { green: ['绿', 'Green'], yellow: ['黄', 'Yellow'], red: ['红', 'Red'] } as const;
const wan = (fen: number) => Math.round(fen / 100) / 10_000;

const EXPORT_COLUMNS = (en: boolean): ExportColumn<ProjectListItem>[] => {
  const i = en ? 1 : 0;
  const unit = (u: { nameZh: string; nameEn: string } | null) => (u ? (en ? u.nameEn : u.nameZh) : '');
  return [
    { zh: '项目编号', en: 'Code', value: (r) => r.code },
    { zh: '项目名称', en: 'Name', width: 36, value: (r) => r.name },
    { zh: '项目库', en: 'Library', width: 18, value: (r) => LIBRARY_NAMES[r.library][i] },
    { zh: '改造类型', en: 'Types', width: 20, value: (r) => r.types.map((t) => TYPE_NAMES[t][i]).join(en ? ', ' : '、') },
    { zh: '阶段', en: 'Stage', value: (r) => STAGE_NAMES[r.stage][i] },
    { zh: '所在乡镇', en: 'Township', value: (r) => unit(r.townshipUnit) },
    { zh: '产业链', en: 'Chain', width: 18, value: (r) => unit(r.chainUnit) },
    { zh: '项目单位', en: 'Enterprise', width: 28, value: (r) => r.enterprise?.name ?? '' },
    { zh: '总投资（万元）', en: 'Total (10k yuan)', value: (r) => wan(r.totalInvestmentFen) },
    { zh: '年度计划（万元）', en: 'Plan this year (10k yuan)', value: (r) => wan(r.annualPlanFen) },
    { zh: '本年完成（万元）', en: 'Done this year (10k yuan)', value: (r) => wan(r.ytdFen) },
    { zh: '完成率%', en: 'Completion %', value: (r) => (r.completion === null ? '' : Math.round(r.completion * 10) / 10) },
    { zh: '进度', en: 'Progress', value: (r) => COLOUR_NAMES[r.colour][i] },
    { zh: '逾期节点', en: 'Overdue milestones', value: (r) => r.overdueMilestones },
    { zh: '计划开工', en: 'Planned start', value: (r) => r.plannedStart },
    { zh: '计划竣工', en: 'Planned completion', value: (r) => r.plannedCompletion },
    { zh: '分包县领导', en: 'County leader', value: (r) => r.leader?.displayName ?? '' },
    { zh: '责任单位', en: 'Responsible unit', width: 18, value: (r) => unit(r.responsibleUnit) },
    { zh: '责任人', en: 'Responsible person', value: (r) => r.responsiblePerson },
  ];
};

/** Photos of the image progress and other files: read with the project, added by whoever reports for it or owns a milestone. */
export const projectAttachmentOwner: AttachmentOwner = {
  canRead: (trx, ctx, ownerId) => (/^\d+$/.test(ownerId) ? canSeeProject(trx, ctx, Number(ownerId)) : Promise.resolve(false)),
  canWrite: (trx, ctx, ownerId) => (/^\d+$/.test(ownerId) ? canFileProject(trx, ctx, Number(ownerId)) : Promise.resolve(false)),
};

/** Key projects: the libraries, the battle map, milestones, monthly investment, files, import and export. */
export function projectRoutes(app: FastifyInstance, deps: Deps) {
  importRoutes(app, {
    base: '/api/projects',
    permission: 'project:manage',
    tags: ['projects'],
    fileName: { zh: '重点项目导入模板.xlsx', en: 'key-projects-template.xlsx' },
    template: (ctx) => projectTemplate(ctx.locale),
    run: (ctx, buffer) => importProjects(deps, ctx, buffer),
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const read = { permission: 'project:read' } as const;
  const write = { permission: 'project:write' } as const;
  const manage = { permission: 'project:manage' } as const;
  listRoutes(app, {
    path: '/api/projects',
    tags,
    config: read,
    query: projectListQuery,
    response: projectPage,
    list: (ctx, q) => listProjects(deps, ctx, q),
    exportAll: (ctx, filter) => allProjects(deps, ctx, filter),
    sheet: 'projects',
    fileName: { zh: '重点项目.xlsx', en: 'key-projects.xlsx' },
    columns: EXPORT_COLUMNS,
  });
  r.get('/api/projects/board', { config: read, schema: { tags, querystring: projectFilterQuery, response: { 200: projectBoard } } }, (req) =>
    board(deps, userCtx(req), req.query),
  );
  r.get('/api/projects/gantt', { config: read, schema: { tags, querystring: projectListQuery, response: { 200: ganttResponse } } }, (req) =>
    projectGantt(deps, userCtx(req), req.query),
  );
  r.get('/api/projects/leaders', { config: read, schema: { tags, querystring: projectFilterQuery, response: { 200: leadersResponse } } }, (req) =>
    projectsByLeader(deps, userCtx(req), req.query),
  );
  r.get('/api/projects/leader-users', { config: read, schema: { tags, response: { 200: projectLeadersResponse } } }, async (req) => ({
    items: await leaderUsers(deps, userCtx(req)),
  }));
  r.post('/api/projects', { config: manage, schema: { tags, body: createProjectBody, response: { 200: projectSchema } } }, (req) =>
    createProject(deps, userCtx(req), req.body),
  );
  r.get('/api/projects/:id', { config: read, schema: { tags, params: projectIdParams, response: { 200: projectSchema } } }, (req) =>
    getProject(deps, userCtx(req), req.params.id),
  );
  r.patch(
    '/api/projects/:id',
    { config: manage, schema: { tags, params: projectIdParams, body: updateProjectBody, response: { 200: projectSchema } } },
    (req) => updateProject(deps, userCtx(req), req.params.id, req.body),
  );
  r.post(
    '/api/projects/:id/milestones',
    { config: manage, schema: { tags, params: projectIdParams, body: createMilestoneBody, response: { 200: projectSchema } } },
    (req) => addMilestone(deps, userCtx(req), req.params.id, req.body),
  );
  r.patch(
    '/api/projects/:id/milestones/:milestoneId',
    { config: write, schema: { tags, params: milestoneParams, body: updateMilestoneBody, response: { 200: projectSchema } } },
    (req) => updateMilestone(deps, userCtx(req), req.params.id, req.params.milestoneId, req.body),
  );
  r.put(
    '/api/projects/:id/investments/:month',
    { config: write, schema: { tags, params: investmentParams, body: investmentBody, response: { 200: projectSchema } } },
    (req) => reportInvestment(deps, userCtx(req), req.params.id, req.params.month, req.body),
  );
}
