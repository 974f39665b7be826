import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/ids';
import {
  type InnovationEntry,
  createEntryBody,
  entryDetailSchema,
  entryListQuery,
  entryPage,
  innovationFirmsQuery,
  innovationFirmsResponse,
  saveBreakthroughsBody,
  saveTargetsBody,
  stageBody,
  targetsQuery,
  targetsResponse,
  yearParams,
} from '../../../shared/modules/innovation.schemas';
import type { Deps } from '../../core/deps';
import type { ExportColumn } from '../../core/excel/export';
import { listRoutes } from '../../core/http/list-routes';
import { userCtx } from '../../core/http/request-context';
import { allEntries, changeStage, createEntry, getEntry, innovationFirms, listEntries, saveBreakthroughs, saveTargets, targetsOf } from './innovation.service';

const PIPELINE_NAMES = {
  high_tech: ['高新技术企业', 'High-tech enterprise'],
  sme: ['专精特新', 'Specialised SME'],
  rd: ['研发机构', 'R&D institution'],
  incubator: ['孵化器与众创空间', 'Incubator / maker space'],
} as const;
const STAGE_NAMES: Record<string, [string, string]> = {
  pool: ['培育库', 'Pool'],
  applied: ['申报', 'Applied'],
  certified: ['认定', 'Certified'],
  renewed: ['复审', 'Renewed'],
  candidate: ['培育', 'Candidate'],
  innovative: ['创新型中小企业', 'Innovative SME'],
  provincial: ['省级', 'Provincial'],
  little_giant: ['国家级专精特新"小巨人"', 'National little giant'],
  county: ['县级', 'County'],
  city: ['市级', 'City'],
  national: ['国家级', 'National'],
};
const CERT_NAMES = { valid: ['有效', 'Valid'], renewal_due: ['复审期', 'Renewal due'], expired: ['已过期', 'Expired'] } as const;
const KIND_NAMES = { incubator: ['孵化器', 'Incubator'], maker_space: ['众创空间', 'Maker space'] } as const;

const COLUMNS = (en: boolean): ExportColumn<InnovationEntry>[] => {
  const i = en ? 1 : 0;
  return [
    { zh: '编号', en: 'No.', value: (r) => r.id },
    { zh: '培育库', en: 'Pipeline', width: 18, value: (r) => PIPELINE_NAMES[r.pipeline][i] },
    { zh: '名称', en: 'Name', width: 34, value: (r) => r.name },
    { zh: '所属企业', en: 'Enterprise', width: 32, value: (r) => r.enterprise?.name ?? '' },
    { zh: '运营主体', en: 'Operator', width: 24, value: (r) => r.operator },
    { zh: '类型', en: 'Kind', value: (r) => (r.kind ? KIND_NAMES[r.kind][i] : '') },
    { zh: '所在乡镇', en: 'Township', width: 14, value: (r) => (r.township ? (en ? r.township.nameEn : r.township.nameZh) : '') },
    { zh: '阶段', en: 'Stage', width: 20, value: (r) => STAGE_NAMES[r.stage]?.[i] ?? r.stage },
    { zh: '阶段日期', en: 'Since', value: (r) => r.stageDate },
    { zh: '证书编号', en: 'Certificate', width: 20, value: (r) => r.certNo },
    { zh: '有效期至', en: 'Valid to', value: (r) => r.validTo ?? '' },
    { zh: '证书状态', en: 'Certificate state', value: (r) => (r.certStatus ? CERT_NAMES[r.certStatus][i] : '') },
    { zh: '责任单位', en: 'Responsible unit', width: 16, value: (r) => (en ? r.responsibleUnit.nameEn : r.responsibleUnit.nameZh) },
  ];
};

/** Innovation pipelines: entries and their stages, the year's targets and the 零突破 goals, the firms to file. */
export function innovationRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['innovation'];
  const read = { permission: 'innovation:read' } as const;
  const manage = { permission: 'innovation:manage' } as const;
  const targets = { permission: 'innovation:targets' } as const;

  listRoutes(app, {
    path: '/api/innovation/entries',
    tags,
    config: read,
    query: entryListQuery,
    response: entryPage,
    list: (ctx, q) => listEntries(deps, ctx, q),
    exportAll: (ctx, filter) => allEntries(deps, ctx, filter),
    sheet: 'innovation',
    fileName: { zh: '创新培育.xlsx', en: 'innovation-pipelines.xlsx' },
    columns: COLUMNS,
  });
  r.post('/api/innovation/entries', { config: manage, schema: { tags, body: createEntryBody, response: { 200: entryDetailSchema } } }, (req) =>
    createEntry(deps, userCtx(req), req.body),
  );
  r.get('/api/innovation/entries/:id', { config: read, schema: { tags, params: idParams, response: { 200: entryDetailSchema } } }, (req) =>
    getEntry(deps, userCtx(req), req.params.id),
  );
  r.post(
    '/api/innovation/entries/:id/stage',
    { config: manage, schema: { tags, params: idParams, body: stageBody, response: { 200: entryDetailSchema } } },
    (req) => changeStage(deps, userCtx(req), req.params.id, req.body),
  );

  r.get('/api/innovation/targets', { config: read, schema: { tags, querystring: targetsQuery, response: { 200: targetsResponse } } }, (req) =>
    targetsOf(deps, userCtx(req), req.query.year),
  );
  r.put(
    '/api/innovation/targets/:year',
    { config: targets, schema: { tags, params: yearParams, body: saveTargetsBody, response: { 200: targetsResponse } } },
    (req) => saveTargets(deps, userCtx(req), req.params.year, req.body),
  );
  r.put('/api/innovation/breakthroughs', { config: targets, schema: { tags, body: saveBreakthroughsBody, response: { 200: targetsResponse } } }, (req) =>
    saveBreakthroughs(deps, userCtx(req), req.body),
  );

  r.get('/api/innovation/firms', { config: manage, schema: { tags, querystring: innovationFirmsQuery, response: { 200: innovationFirmsResponse } } }, (req) =>
    innovationFirms(deps, userCtx(req), req.query.q),
  );
}
