import { z } from 'zod';
import { type Locale, type MessageKey, translate } from '../../../shared/i18n/messages';
import { type CreateProjectBody, PROJECT_LIBRARIES, PROJECT_STAGES, type PROJECT_TYPES } from '../../../shared/modules/projects.schemas';
import { requirePermission } from '../../core/access/access';
import type { UserContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Executor } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { type ImportOutcome, type ImportProblem, type ImportSpec, type ParsedRow, importAllOrNothing, importTemplate } from '../../core/excel/import';
import { AppError } from '../../core/http/errors';
import { projectsRepository } from './projects.repository';
import { checkProject, insertProject } from './projects.service';

export const LIBRARY_NAMES: Record<(typeof PROJECT_LIBRARIES)[number], [string, string]> = {
  three_transformations: ['三大改造项目库', '三大改造 (three transformations)'],
  strong_county: ['工业强县重点项目库', 'Strong-county key projects'],
};
export const TYPE_NAMES: Record<(typeof PROJECT_TYPES)[number], [string, string]> = {
  intelligent: ['智能化改造', 'Intelligent'],
  green: ['绿色化改造', 'Green'],
  technical: ['技术改造', 'Technical'],
};
export const STAGE_NAMES: Record<(typeof PROJECT_STAGES)[number], [string, string]> = {
  planning: ['谋划', 'Planning'],
  preliminary: ['前期', 'Preliminary'],
  new_start: ['新开工', 'New start'],
  construction: ['在建', 'Under construction'],
  completed: ['竣工', 'Completed'],
  production: ['投产', 'In production'],
};

const text = (max: number) => z.string().trim().max(max);
/** 万元 in the sheet; at most six decimals, so that fen are whole. */
const wan = z
  .number()
  .min(0)
  .max(100_000_000)
  .refine((v) => Number.isInteger(Math.round(v * 1_000_000 * 1000) / 1000), 'err.report.not_an_integer');

const importRow = z.object({
  code: text(40).min(1, 'err.required'),
  name: text(200).min(1, 'err.required'),
  library: z.enum(PROJECT_LIBRARIES),
  types: text(60).default(''),
  enterprise: text(100).default(''),
  chain: text(60).default(''),
  township: text(40).min(1, 'err.required'),
  stage: z.enum(PROJECT_STAGES),
  totalInvestmentWan: wan,
  annualPlanWan: wan,
  plannedStart: z.iso.date(),
  plannedCompletion: z.iso.date(),
  plannedProduction: z.iso.date(),
  leader: text(40).default(''),
  responsibleUnit: text(60).min(1, 'err.required'),
  responsiblePerson: text(60).default(''),
  serviceTeam: text(60).default(''),
  content: text(4000).default(''),
  location: text(200).default(''),
});
type ImportRow = z.infer<typeof importRow>;

const codes = (names: Record<string, [string, string]>) => Object.entries(names).map(([value, [zh, en]]) => ({ value, zh, en }));
const DATE_NOTE = { zh: '格式 2021-03-31', en: 'As 2021-03-31' };

/** The project import: one row a project, names for units, people and firms, money in 万元. */
export const PROJECT_IMPORT: ImportSpec<ImportRow> = {
  sheet: { zh: '重点项目', en: 'Key projects' },
  row: importRow,
  columns: [
    { key: 'code', zh: '项目编号', en: 'Code', width: 14, required: true },
    { key: 'name', zh: '项目名称', en: 'Name', width: 34, required: true },
    { key: 'library', zh: '项目库', en: 'Library', width: 18, required: true, codes: codes(LIBRARY_NAMES) },
    {
      key: 'types',
      zh: '改造类型',
      en: 'Types',
      width: 22,
      notes: { zh: '三大改造项目必填，可多选，用顿号分隔：智能化改造、绿色化改造、技术改造', en: 'Required for 三大改造; several separated by 、 or ,' },
    },
    { key: 'enterprise', zh: '项目单位（企业）', en: 'Enterprise', width: 28, notes: { zh: '企业全称或统一社会信用代码', en: 'Full name or credit code' } },
    { key: 'chain', zh: '所属产业链', en: 'Chain', width: 22, notes: { zh: '产业服务组或产业链专班全称', en: 'Industry group or chain team name' } },
    { key: 'township', zh: '所在乡镇', en: 'Township', width: 12, required: true },
    { key: 'stage', zh: '项目阶段', en: 'Stage', width: 12, required: true, codes: codes(STAGE_NAMES) },
    { key: 'totalInvestmentWan', zh: '总投资（万元）', en: 'Total investment (10k yuan)', width: 14, required: true, type: 'number' },
    { key: 'annualPlanWan', zh: '年度计划投资（万元）', en: 'Planned this year (10k yuan)', width: 16, required: true, type: 'number' },
    { key: 'plannedStart', zh: '计划开工', en: 'Planned start', width: 12, required: true, notes: DATE_NOTE },
    { key: 'plannedCompletion', zh: '计划竣工', en: 'Planned completion', width: 12, required: true, notes: DATE_NOTE },
    { key: 'plannedProduction', zh: '计划投产', en: 'Planned production', width: 12, required: true, notes: DATE_NOTE },
    { key: 'leader', zh: '分包县领导', en: 'County leader', width: 12, notes: { zh: '县领导姓名（系统账号）', en: 'The leader’s name as in the system' } },
    { key: 'responsibleUnit', zh: '责任单位', en: 'Responsible unit', width: 18, required: true },
    { key: 'responsiblePerson', zh: '责任人', en: 'Responsible person', width: 10 },
    { key: 'serviceTeam', zh: '服务专班', en: 'Service team', width: 24 },
    { key: 'content', zh: '建设内容及规模', en: 'Content and scale', width: 40 },
    { key: 'location', zh: '建设地点', en: 'Location', width: 20 },
  ],
};

export function projectTemplate(locale: Locale) {
  return importTemplate(PROJECT_IMPORT, locale);
}

const typeOf = (word: string) =>
  (Object.entries(TYPE_NAMES) as [keyof typeof TYPE_NAMES, [string, string]][]).find(
    ([code, [zh, en]]) => word === code || word === zh || word.toLowerCase() === en.toLowerCase(),
  )?.[0];

/** Names → ids, and every check of the API (dates, kinds, codes unique in the file and the county). */
async function resolveRows(db: Executor, rows: ParsedRow<ImportRow>[], locale: Locale) {
  const units = await projectsRepository.activeUnits(db);
  const leaders = await projectsRepository.leaderUsers(db);
  const names = [...new Set(rows.map((r) => r.values.enterprise).filter(Boolean))];
  const firms = await projectsRepository.firmsNamed(db, names);
  const leaderByName = new Map(leaders.map((l) => [l.displayName, l]));
  const firmByKey = new Map(firms.flatMap((f) => [[f.name, f] as const, [f.uscc, f] as const]));
  const unit = (name: string, kinds?: string[]) =>
    units.find((u) => (u.nameZh === name || u.nameEn.toLowerCase() === name.toLowerCase() || u.code === name) && (!kinds || kinds.includes(u.kind)));
  const column = (key: string) => {
    const c = PROJECT_IMPORT.columns.find((x) => x.key === key);
    return (locale === 'en-US' ? c?.en : c?.zh) ?? key;
  };
  const problems: ImportProblem[] = [];
  const problem = (row: number, key: string, message: MessageKey) => problems.push({ row, column: column(key), message: translate(locale, message) });
  const seen = new Set<string>();
  const resolved: CreateProjectBody[] = [];
  // Field names of the API that a check may name, mapped back to the sheet's columns.
  const FIELD_COLUMN: Record<string, string> = {
    code: 'code',
    types: 'types',
    plannedCompletion: 'plannedCompletion',
    plannedProduction: 'plannedProduction',
    townshipUnitId: 'township',
    responsibleUnitId: 'responsibleUnit',
    chainUnitId: 'chain',
    serviceTeamUnitId: 'serviceTeam',
    leaderUserId: 'leader',
    enterpriseId: 'enterprise',
  };
  for (const { row, values: v } of rows) {
    const before = problems.length;
    const types = v.types
      .split(/[、,，;；\s]+/)
      .filter(Boolean)
      .map(typeOf);
    if (types.some((x) => !x)) problem(row, 'types', 'err.import.not_an_option');
    const township = unit(v.township, ['township']);
    if (!township) problem(row, 'township', 'err.township_unknown');
    const responsible = unit(v.responsibleUnit);
    if (!responsible) problem(row, 'responsibleUnit', 'err.unit_not_found');
    const chain = v.chain ? unit(v.chain, ['industry_group', 'service_team']) : undefined;
    if (v.chain && !chain) problem(row, 'chain', 'err.unit_not_found');
    const team = v.serviceTeam ? unit(v.serviceTeam, ['service_team']) : undefined;
    if (v.serviceTeam && !team) problem(row, 'serviceTeam', 'err.service_team_unknown');
    const leader = v.leader ? leaderByName.get(v.leader) : undefined;
    if (v.leader && !leader) problem(row, 'leader', 'err.NOT_FOUND');
    const firm = v.enterprise ? firmByKey.get(v.enterprise) : undefined;
    if (v.enterprise && !firm) problem(row, 'enterprise', 'err.NOT_FOUND');
    if (seen.has(v.code)) problem(row, 'code', 'err.project.code_taken');
    seen.add(v.code);
    const body: CreateProjectBody = {
      code: v.code,
      name: v.name,
      library: v.library,
      types: types.filter((x): x is NonNullable<typeof x> => !!x),
      enterpriseId: firm?.id ?? null,
      chainUnitId: chain?.id ?? null,
      townshipUnitId: township?.id ?? 0,
      stage: v.stage,
      totalInvestmentFen: Math.round(v.totalInvestmentWan * 1_000_000),
      annualPlanFen: Math.round(v.annualPlanWan * 1_000_000),
      plannedStart: v.plannedStart,
      plannedCompletion: v.plannedCompletion,
      plannedProduction: v.plannedProduction,
      leaderUserId: leader?.id ?? null,
      responsibleUnitId: responsible?.id ?? 0,
      responsiblePerson: v.responsiblePerson,
      serviceTeamUnitId: team?.id ?? null,
      content: v.content,
      location: v.location,
      lng: null,
      lat: null,
    };
    if (problems.length === before) {
      try {
        await checkProject(db, body, null);
      } catch (err) {
        if (!(err instanceof AppError) || !err.fields) throw err;
        for (const [field, p] of Object.entries(err.fields))
          problems.push({ row, column: column(FIELD_COLUMN[field] ?? field), message: translate(locale, p.key, p.params) });
      }
    }
    resolved.push(body);
  }
  return { resolved, problems };
}

/** Imports a filled template, all rows or none; each project gets its milestones and their 督办 tasks. */
export async function importProjects(deps: Deps, ctx: UserContext, buffer: Buffer): Promise<ImportOutcome> {
  requirePermission(ctx, 'project:manage');
  return importAllOrNothing(deps, buffer, PROJECT_IMPORT, ctx.locale, {
    check: (trx, rows) => resolveRows(trx, rows, ctx.locale),
    write: async (trx, resolved) => {
      const ids: number[] = [];
      for (const body of resolved) ids.push(await insertProject(trx, deps, ctx, body));
      await recordAudit(trx, deps, ctx, {
        action: 'project.import',
        entityType: 'project',
        entityId: null,
        after: { rows: resolved.length, codes: resolved.map((r) => r.code), ids },
      });
    },
  });
}
