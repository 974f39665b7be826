import type { z } from 'zod';
import type {
  Chain,
  ChainGraph,
  ChainListItem,
  ChainListQuery,
  ChainOptions,
  ConvertLeadBody,
  CreateChainBody,
  CreateLeadBody,
  Lead,
  LeadListItem,
  LeadListQuery,
  Scoreboard,
  SegmentBody,
  UpdateChainBody,
  UpdateLeadBody,
  linkBody,
  memberBody,
  nextStepBody,
  stageBody,
} from '../../../shared/modules/chains.schemas';
import { attractionSettingsSchema } from '../../../shared/modules/chains.schemas';
import {
  type AttractionSettings,
  DEFAULT_ATTRACTION_SETTINGS,
  type LeadStage,
  canMoveStage,
  countingDate,
  countsToward,
  daysBefore,
  stageIndex,
  teamScore,
} from '../../../shared/rules/chains-attraction';
import { type Scope, requirePermission, scopeFor, scopeIncludes, scopeIfHeld } from '../../core/access/access';
import type { UserContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Executor, Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { type FieldProblem, fieldError, forbidden, notFound } from '../../core/http/errors';
import { countyDay } from '../../core/scheduler/scheduler';
import { settingsStore } from '../../core/settings/settings-store';
import { events } from '../../core/events/events';
import { createTask, finishTask } from '../../core/tasks/tasks.service';
import { projectsOfUnits, registerProject } from '../projects';
import { chainCan, leadCan } from './chains.policy';
import { type ChainRow, type LeadRow, chainsRepository } from './chains.repository';

type Problems = Record<string, FieldProblem | Parameters<typeof fieldError>[0][string]>;
const settingsOfAttraction = settingsStore('chains.attraction', attractionSettingsSchema, DEFAULT_ATTRACTION_SETTINGS, {
  action: 'chain.settings',
  entityType: 'setting',
});

/** The attraction settings in force: stored settings over the defaults of rules.md. */
export function attractionSettings(db: Executor): Promise<AttractionSettings> {
  return settingsOfAttraction.read(db);
}

/** The instant before which a lead's last update makes it stalled: the end of the county day `stalledDays` ago (UTC+8). */
export function stalledBefore(today: string, stalledDays: number): string {
  return `${daysBefore(today, stalledDays)}T16:00:00.000Z`;
}

const unitBrief = (u: { nameZh: string; nameEn: string } | undefined, id: number) => ({ id, nameZh: u?.nameZh ?? '', nameEn: u?.nameEn ?? '' });

/**
 * The chains a user sees under `chain:read`: every chain when they also hold `chain:directory` (the office, leaders,
 * townships, departments), else those of their data scope matched on the chain's team (a service team sees its own).
 */
async function chainScope(db: Executor, ctx: UserContext): Promise<Scope> {
  requirePermission(ctx, 'chain:read');
  if (ctx.user.permissions.has('chain:directory')) return { all: true };
  return scopeFor(db, ctx.user, 'chain:read');
}
const leadScope = (db: Executor, ctx: UserContext, permission: 'lead:read' | 'lead:write') => scopeIfHeld(db, ctx.user, permission);

// ---- chains ----

async function chainItems(db: Executor, rows: ChainRow[]): Promise<ChainListItem[]> {
  const unitIds = [...new Set(rows.flatMap((r) => [r.teamUnitId, r.groupUnitId]).filter((x): x is number => !!x))];
  const userIds = [...new Set(rows.map((r) => r.leaderUserId).filter((x): x is number => !!x))];
  const [units, users] = await Promise.all([chainsRepository.units(db, unitIds), chainsRepository.users(db, userIds)]);
  const unit = new Map(units.map((u) => [u.id, u]));
  const user = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    teamUnit: unitBrief(unit.get(r.teamUnitId), r.teamUnitId),
    groupUnit: r.groupUnitId ? unitBrief(unit.get(r.groupUnitId), r.groupUnitId) : null,
    leader: r.leaderUserId ? { id: r.leaderUserId, displayName: user.get(r.leaderUserId)?.displayName ?? '' } : null,
    firmCount: Number(r.firmCount ?? 0),
    segmentCount: Number(r.segmentCount ?? 0),
    weakCount: Number(r.weakCount ?? 0),
    memberCount: Number(r.memberCount ?? 0),
  }));
}

/** One page of the chains the user sees, with their counts. */
export async function listChains(deps: Deps, ctx: UserContext, q: ChainListQuery) {
  const { rows, total } = await chainsRepository.list(deps.db, await chainScope(deps.db, ctx), q);
  return { items: await chainItems(deps.db, rows), total, page: q.page, pageSize: q.pageSize };
}

/** Every chain of the list's filters, for export. */
export async function allChains(deps: Deps, ctx: UserContext, q: Omit<ChainListQuery, 'page' | 'pageSize'>) {
  return chainItems(deps.db, await chainsRepository.all(deps.db, await chainScope(deps.db, ctx), q));
}

async function loadChain(db: Executor, ctx: UserContext, id: number) {
  const row = await chainsRepository.find(db, await chainScope(db, ctx), id);
  if (!row) throw notFound();
  return row;
}

async function linksOf(db: Executor, links: Awaited<ReturnType<typeof chainsRepository.links>>) {
  const briefs = new Map(
    (await chainsRepository.briefs(db, [...new Set(links.flatMap((l) => [l.fromChainId, l.toChainId]).filter((x): x is number => !!x))])).map((c) => [c.id, c]),
  );
  const brief = (id: number) => {
    const c = briefs.get(id);
    return { id, nameZh: c?.nameZh ?? '', nameEn: c?.nameEn ?? '' };
  };
  return links.map((l) => ({
    id: l.id,
    kind: l.kind as Chain['links'][number]['kind'],
    from: brief(l.fromChainId),
    to: l.toChainId ? brief(l.toChainId) : null,
    outsideName: l.outsideName,
    note: l.note,
  }));
}

/** A chain with its team, segments and their firms, links, projects and the leads the caller sees; outside scope 404. */
export async function getChain(deps: Deps, ctx: UserContext, id: number): Promise<Chain> {
  const row = await loadChain(deps.db, ctx, id);
  const [item] = await chainItems(deps.db, [row]);
  const settings = await attractionSettings(deps.db);
  const today = countyDay(deps.clock.now());
  const [members, segments, links, projects, leads, writeScope] = await Promise.all([
    chainsRepository.members(deps.db, [id]),
    chainsRepository.segments(deps.db, id),
    chainsRepository.links(deps.db, [id]),
    projectsOfUnits(deps, ctx, [row.teamUnitId]),
    leadScope(deps.db, ctx, 'lead:read').then((scope) => chainsRepository.chainLeads(deps.db, scope, stalledBefore(today, settings.stalledDays), id)),
    leadScope(deps.db, ctx, 'lead:write'),
  ]);
  const firms = await chainsRepository.segmentFirms(
    deps.db,
    segments.map((s) => s.id),
  );
  return {
    ...item,
    description: row.description,
    members: members.map((m) => ({ id: m.id, unit: { id: m.unitId, nameZh: m.nameZh, nameEn: m.nameEn }, name: m.name, position: m.position, role: m.role })),
    segments: segments.map((s) => {
      const own = firms.filter((f) => f.segmentId === s.id);
      return {
        id: s.id,
        tier: s.tier as Chain['segments'][number]['tier'],
        name: s.name,
        keyProducts: s.keyProducts,
        weak: s.weak === 1,
        weakNote: s.weakNote,
        state: own.length === 0 ? 'missing' : s.weak === 1 ? 'weak' : 'ok',
        firms: own.map((f) => ({ id: f.id, name: f.name, aboveScale: f.aboveScale === 1 })),
      };
    }),
    links: await linksOf(deps.db, links),
    projects: projects.map(({ serviceTeamUnitId: _s, chainUnitId: _c, ...p }) => p),
    leads: leads.map((l) => ({
      id: l.id,
      name: l.name,
      investor: l.investor,
      stage: l.stage as LeadStage,
      plannedInvestmentFen: Number(l.plannedInvestmentFen),
      stalled: Number(l.stalled) === 1,
    })),
    can: chainCan(ctx, writeScope, row),
  };
}

/** Every chain the user sees and the links between them and to outside chains, for the graph. */
export async function chainGraph(deps: Deps, ctx: UserContext): Promise<ChainGraph> {
  const rows = await chainsRepository.all(deps.db, await chainScope(deps.db, ctx), { sort: 'code', order: 'asc' });
  const ids = new Set(rows.map((r) => r.id));
  const links = (await chainsRepository.links(deps.db, [...ids])).filter((l) => ids.has(l.fromChainId) && (l.toChainId === null || ids.has(l.toChainId)));
  return {
    chains: rows.map((r) => ({
      id: r.id,
      nameZh: r.nameZh,
      nameEn: r.nameEn,
      groupUnitId: r.groupUnitId,
      firmCount: Number(r.firmCount ?? 0),
      weakCount: Number(r.weakCount ?? 0),
    })),
    links: await linksOf(deps.db, links),
  };
}

/** The choices of the chain and lead forms: chains the user sees, service teams, industry groups, county leaders. */
export async function chainOptions(deps: Deps, ctx: UserContext): Promise<ChainOptions> {
  const scope = await chainScope(deps.db, ctx);
  const [chains, units, leaders] = await Promise.all([
    chainsRepository.allBriefs(deps.db),
    chainsRepository.activeUnits(deps.db),
    chainsRepository.leaderUsers(deps.db),
  ]);
  const ofKind = (kind: string) => units.filter((u) => u.kind === kind).map(({ kind: _k, ...u }) => u);
  const teams = ofKind('service_team');
  return {
    chains: chains.filter((c) => scopeIncludes(scope, c.teamUnitId)).map(({ code: _c, ...c }) => c),
    teams: teams.filter((t) => scopeIncludes(scope, t.id)),
    groups: ofKind('industry_group'),
    townships: ofKind('township'),
    units,
    leaders,
  };
}

type ChainFields = Omit<CreateChainBody, never>;

async function checkChain(db: Executor, f: ChainFields, selfId: number | null) {
  const problems: Problems = {};
  const units = await chainsRepository.units(
    db,
    [f.teamUnitId, f.groupUnitId].filter((x): x is number => !!x),
  );
  const kindOk = (id: number | null, kind: string) => !id || units.some((u) => u.id === id && u.kind === kind && u.active === 1);
  if (!kindOk(f.teamUnitId, 'service_team')) problems.teamUnitId = 'err.chain.unit_kind';
  else {
    const taken = await chainsRepository.byTeam(db, f.teamUnitId);
    if (taken && taken.id !== selfId) problems.teamUnitId = 'err.chain.team_taken';
  }
  if (!kindOk(f.groupUnitId, 'industry_group')) problems.groupUnitId = 'err.chain.unit_kind';
  if (f.leaderUserId && !(await chainsRepository.leaderUsers(db)).some((u) => u.id === f.leaderUserId)) problems.leaderUserId = 'err.NOT_FOUND';
  const code = await chainsRepository.byCode(db, f.code);
  if (code && code.id !== selfId) problems.code = 'err.chain.code_taken';
  if (Object.keys(problems).length) throw fieldError(problems);
}

const chainFieldsOf = (r: ChainRow): ChainFields => ({
  code: r.code,
  nameZh: r.nameZh,
  nameEn: r.nameEn,
  teamUnitId: r.teamUnitId,
  groupUnitId: r.groupUnitId,
  leaderUserId: r.leaderUserId,
  description: r.description,
});

/** Writes a chain (API and demo). */
export async function insertChain(trx: Trx, deps: Pick<Deps, 'clock'>, body: CreateChainBody) {
  const now = deps.clock.now().toISOString();
  return chainsRepository.insert(trx, { ...body, createdAt: now, updatedAt: now });
}

/** The office adds a chain under a service team. */
export async function createChain(deps: Deps, ctx: UserContext, body: CreateChainBody): Promise<Chain> {
  requirePermission(ctx, 'chain:manage');
  const id = await deps.db.transaction().execute(async (trx) => {
    await checkChain(trx, body, null);
    const chainId = await insertChain(trx, deps, body);
    await recordAudit(trx, deps, ctx, { action: 'chain.create', entityType: 'chain', entityId: chainId, after: body });
    return chainId;
  });
  return getChain(deps, ctx, id);
}

/** The office edits a chain: exactly the fields named. */
export async function updateChain(deps: Deps, ctx: UserContext, id: number, body: UpdateChainBody): Promise<Chain> {
  requirePermission(ctx, 'chain:manage');
  await deps.db.transaction().execute(async (trx) => {
    const before = chainFieldsOf(await loadChain(trx, ctx, id));
    const after = { ...before, ...body };
    await checkChain(trx, after, id);
    await chainsRepository.update(trx, id, { ...body, updatedAt: deps.clock.now().toISOString() });
    await recordAudit(trx, deps, ctx, { action: 'chain.update', entityType: 'chain', entityId: id, before, after });
  });
  return getChain(deps, ctx, id);
}

/** The office sets a chain's service team members (专班成员) from any units. */
export async function setMembers(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof memberBody>): Promise<Chain> {
  requirePermission(ctx, 'chain:manage');
  await deps.db.transaction().execute(async (trx) => {
    await loadChain(trx, ctx, id);
    const units = await chainsRepository.units(trx, [...new Set(body.members.map((m) => m.unitId))]);
    const problems: Problems = {};
    body.members.forEach((m, i) => {
      if (!units.some((u) => u.id === m.unitId && u.active === 1)) problems[`members.${i}.unitId`] = 'err.unit_not_found';
    });
    if (Object.keys(problems).length) throw fieldError(problems);
    const before = await chainsRepository.members(trx, [id]);
    await chainsRepository.replaceMembers(trx, id, body.members);
    await chainsRepository.update(trx, id, { updatedAt: deps.clock.now().toISOString() });
    await recordAudit(trx, deps, ctx, {
      action: 'chain.members',
      entityType: 'chain',
      entityId: id,
      before: before.map(({ unitId, name, position, role }) => ({ unitId, name, position, role })),
      after: body.members,
    });
  });
  return getChain(deps, ctx, id);
}

async function checkFirms(db: Executor, ids: number[]) {
  const found = new Set((await chainsRepository.enterprises(db, [...new Set(ids)])).map((e) => e.id));
  if (ids.some((x) => !found.has(x))) throw fieldError({ enterpriseIds: 'err.chain.firm_not_found' });
}

/** The office adds a segment with its key products and firms; a segment without firms is a missing link (缺失). */
export async function addSegment(deps: Deps, ctx: UserContext, id: number, body: SegmentBody): Promise<Chain> {
  requirePermission(ctx, 'chain:manage');
  await deps.db.transaction().execute(async (trx) => {
    await loadChain(trx, ctx, id);
    await checkFirms(trx, body.enterpriseIds);
    const { enterpriseIds, ...fields } = body;
    const segmentId = await chainsRepository.insertSegment(trx, {
      ...fields,
      weak: fields.weak ? 1 : 0,
      chainId: id,
      sortOrder: (await chainsRepository.lastSegmentOrder(trx, id)) + 1,
    });
    await chainsRepository.setSegmentFirms(trx, segmentId, enterpriseIds);
    await recordAudit(trx, deps, ctx, { action: 'chain.segment_create', entityType: 'chain', entityId: id, after: { segmentId, ...body } });
  });
  return getChain(deps, ctx, id);
}

/** The office rewrites a segment: tier, name, products, the weak mark with its note, and its firms. */
export async function replaceSegment(deps: Deps, ctx: UserContext, id: number, segmentId: number, body: SegmentBody): Promise<Chain> {
  requirePermission(ctx, 'chain:manage');
  await deps.db.transaction().execute(async (trx) => {
    await loadChain(trx, ctx, id);
    const before = await chainsRepository.segment(trx, id, segmentId);
    if (!before) throw notFound();
    await checkFirms(trx, body.enterpriseIds);
    const firmsBefore = (await chainsRepository.segmentFirms(trx, [segmentId])).map((f) => f.id);
    const { enterpriseIds, ...fields } = body;
    await chainsRepository.updateSegment(trx, segmentId, { ...fields, weak: fields.weak ? 1 : 0 });
    await chainsRepository.setSegmentFirms(trx, segmentId, enterpriseIds);
    await recordAudit(trx, deps, ctx, {
      action: 'chain.segment_update',
      entityType: 'chain',
      entityId: id,
      before: { ...before, enterpriseIds: firmsBefore },
      after: { segmentId, ...body },
    });
  });
  return getChain(deps, ctx, id);
}

/** The office removes a segment (the web asks first). */
export async function deleteSegment(deps: Deps, ctx: UserContext, id: number, segmentId: number): Promise<Chain> {
  requirePermission(ctx, 'chain:manage');
  await deps.db.transaction().execute(async (trx) => {
    await loadChain(trx, ctx, id);
    const before = await chainsRepository.segment(trx, id, segmentId);
    if (!before) throw notFound();
    const firms = (await chainsRepository.segmentFirms(trx, [segmentId])).map((f) => f.id);
    await chainsRepository.deleteSegment(trx, segmentId);
    await recordAudit(trx, deps, ctx, { action: 'chain.segment_delete', entityType: 'chain', entityId: id, before: { ...before, enterpriseIds: firms } });
  });
  return getChain(deps, ctx, id);
}

/** The office links a chain to another of the county or to an outside chain. */
export async function addLink(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof linkBody>): Promise<Chain> {
  requirePermission(ctx, 'chain:manage');
  await deps.db.transaction().execute(async (trx) => {
    await loadChain(trx, ctx, id);
    const inside = body.kind !== 'outside';
    const target = body.toChainId ? (await chainsRepository.briefs(trx, [body.toChainId]))[0] : undefined;
    if (inside && (!target || target.id === id)) throw fieldError({ toChainId: 'err.chain.link_target' });
    if (!inside && (body.toChainId !== null || !body.outsideName)) throw fieldError({ outsideName: 'err.chain.link_target' });
    const linkId = await chainsRepository.insertLink(trx, {
      fromChainId: id,
      toChainId: inside ? body.toChainId : null,
      kind: body.kind,
      outsideName: inside ? '' : body.outsideName,
      note: body.note,
    });
    await recordAudit(trx, deps, ctx, { action: 'chain.link_create', entityType: 'chain', entityId: id, after: { linkId, ...body } });
  });
  return getChain(deps, ctx, id);
}

/** The office removes a link (the web asks first). */
export async function deleteLink(deps: Deps, ctx: UserContext, id: number, linkId: number): Promise<Chain> {
  requirePermission(ctx, 'chain:manage');
  await deps.db.transaction().execute(async (trx) => {
    await loadChain(trx, ctx, id);
    const before = await chainsRepository.link(trx, id, linkId);
    if (!before) throw notFound();
    await chainsRepository.deleteLink(trx, linkId);
    await recordAudit(trx, deps, ctx, { action: 'chain.link_delete', entityType: 'chain', entityId: id, before });
  });
  return getChain(deps, ctx, id);
}

// ---- leads ----

async function leadBasis(deps: Deps, db: Executor) {
  const settings = await attractionSettings(db);
  const today = countyDay(deps.clock.now());
  return { settings, today, before: stalledBefore(today, settings.stalledDays) };
}

async function leadItems(db: Executor, rows: LeadRow[]): Promise<LeadListItem[]> {
  const unitIds = [...new Set(rows.flatMap((r) => [r.teamUnitId, r.townshipUnitId]).filter((x): x is number => !!x))];
  const [units, chains] = await Promise.all([chainsRepository.units(db, unitIds), chainsRepository.briefs(db, [...new Set(rows.map((r) => r.chainId))])]);
  const unit = new Map(units.map((u) => [u.id, u]));
  const chain = new Map(chains.map((c) => [c.id, c]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    investor: r.investor,
    source: r.source as LeadListItem['source'],
    industryCode: r.industryCode,
    chain: { id: r.chainId, nameZh: chain.get(r.chainId)?.nameZh ?? '', nameEn: chain.get(r.chainId)?.nameEn ?? '' },
    teamUnit: unitBrief(unit.get(r.teamUnitId), r.teamUnitId),
    townshipUnit: r.townshipUnitId ? unitBrief(unit.get(r.townshipUnitId), r.townshipUnitId) : null,
    plannedInvestmentFen: Number(r.plannedInvestmentFen),
    contractInvestmentFen: r.contractInvestmentFen === null ? null : Number(r.contractInvestmentFen),
    stage: r.stage as LeadStage,
    signedDate: r.signedDate,
    nextStep: r.nextStep,
    nextStepDate: r.nextStepDate,
    projectId: r.projectId,
    updatedAt: r.updatedAt,
    stalled: Number(r.stalled) === 1,
  }));
}

/** One page of the leads the user sees (their team's; leaders and the office all), stalled ones flagged. */
export async function listLeads(deps: Deps, ctx: UserContext, q: LeadListQuery) {
  requirePermission(ctx, 'lead:read');
  const b = await leadBasis(deps, deps.db);
  const { rows, total } = await chainsRepository.leads(deps.db, await leadScope(deps.db, ctx, 'lead:read'), b.before, q);
  return { items: await leadItems(deps.db, rows), total, page: q.page, pageSize: q.pageSize };
}

/** Every lead of the list's filters, for export. */
export async function allLeads(deps: Deps, ctx: UserContext, q: Omit<LeadListQuery, 'page' | 'pageSize'>) {
  requirePermission(ctx, 'lead:read');
  const b = await leadBasis(deps, deps.db);
  return leadItems(deps.db, await chainsRepository.allLeads(deps.db, await leadScope(deps.db, ctx, 'lead:read'), b.before, q));
}

async function loadLead(db: Executor, ctx: UserContext, before: string, id: number) {
  const row = await chainsRepository.lead(db, await leadScope(db, ctx, 'lead:read'), before, id);
  if (!row) throw notFound();
  return row;
}

/** A lead with its history, next-step task and whether it counts; another team's lead is 404. */
export async function getLead(deps: Deps, ctx: UserContext, id: number): Promise<Lead> {
  requirePermission(ctx, 'lead:read');
  const b = await leadBasis(deps, deps.db);
  const row = await loadLead(deps.db, ctx, b.before, id);
  const [item] = await leadItems(deps.db, [row]);
  const [events, task, write] = await Promise.all([
    chainsRepository.events(deps.db, id),
    row.taskId ? chainsRepository.task(deps.db, row.taskId) : Promise.resolve(undefined),
    leadScope(deps.db, ctx, 'lead:write'),
  ]);
  const countable = countableOf(row);
  const date = countingDate(countable, b.settings.countingStage);
  return {
    ...item,
    contact: row.contact,
    note: row.note,
    startedDate: row.startedDate,
    producingDate: row.producingDate,
    createdAt: row.createdAt,
    task: task ? { id: task.id, status: task.status, dueDate: task.dueDate } : null,
    history: events.map((e) => ({
      id: e.id,
      at: e.at,
      date: e.date,
      user: e.userId ? { id: e.userId, displayName: e.displayName ?? '' } : null,
      kind: e.kind,
      fromStage: e.fromStage as LeadStage | null,
      toStage: e.toStage as LeadStage | null,
      note: e.note,
    })),
    countsInYear: date && countsToward(countable, Number(date.slice(0, 4)), b.settings) ? Number(date.slice(0, 4)) : null,
    can: leadCan(ctx, write, row),
  };
}

const countableOf = (r: Pick<LeadRow, 'stage' | 'plannedInvestmentFen' | 'contractInvestmentFen' | 'signedDate' | 'startedDate' | 'producingDate'>) => ({
  stage: r.stage as LeadStage,
  plannedInvestmentFen: Number(r.plannedInvestmentFen),
  contractInvestmentFen: r.contractInvestmentFen === null ? null : Number(r.contractInvestmentFen),
  signedDate: r.signedDate,
  startedDate: r.startedDate,
  producingDate: r.producingDate,
});

type LeadFields = Required<UpdateLeadBody>;
const leadFieldsOf = (r: LeadRow): LeadFields => ({
  name: r.name,
  investor: r.investor,
  source: r.source as LeadFields['source'],
  industryCode: r.industryCode,
  chainId: r.chainId,
  teamUnitId: r.teamUnitId,
  townshipUnitId: r.townshipUnitId,
  plannedInvestmentFen: Number(r.plannedInvestmentFen),
  contact: r.contact,
  note: r.note,
});

/** Checks what the schema cannot: the chain exists, the team is a service team the writer may work for, the township. */
async function checkLead(db: Executor, f: LeadFields, write: Scope) {
  const problems: Problems = {};
  if (!(await chainsRepository.briefs(db, [f.chainId])).length) problems.chainId = 'err.NOT_FOUND';
  const units = await chainsRepository.units(
    db,
    [f.teamUnitId, f.townshipUnitId].filter((x): x is number => !!x),
  );
  if (!units.some((u) => u.id === f.teamUnitId && u.kind === 'service_team' && u.active === 1)) problems.teamUnitId = 'err.chain.unit_kind';
  else if (!scopeIncludes(write, f.teamUnitId)) problems.teamUnitId = 'err.chain.unit_kind';
  if (f.townshipUnitId && !units.some((u) => u.id === f.townshipUnitId && u.kind === 'township')) problems.townshipUnitId = 'err.chain.unit_kind';
  if (Object.keys(problems).length) throw fieldError(problems);
}

async function stepTask(
  trx: Trx,
  deps: Deps,
  ctx: UserContext,
  lead: { id: number; name: string; teamUnitId: number; taskId: number | null },
  step: string,
  due: string,
) {
  // The previous next step is finished when a new one is set: one open step per lead.
  await finishTask(trx, deps, ctx, lead.taskId, '已设定新的下一步', 'task.chain_lead_step_replaced');
  return createTask(trx, deps, ctx, {
    type: 'chain_lead_step',
    title: `招商线索「${lead.name}」：${step}`,
    description: `招商线索「${lead.name}」的下一步：${step}，请于 ${due} 前完成。`,
    source: { module: 'chains', recordId: String(lead.id) },
    ownerUnitId: lead.teamUnitId,
    dueDate: due,
  });
}

/** A team records a new lead (线索); a next step with a date becomes a 督办 task of the team. */
export async function createLead(deps: Deps, ctx: UserContext, body: CreateLeadBody): Promise<Lead> {
  requirePermission(ctx, 'lead:write');
  const id = await deps.db.transaction().execute(async (trx) => {
    const write = await leadScope(trx, ctx, 'lead:write');
    const chain = (await chainsRepository.briefs(trx, [body.chainId]))[0];
    const { nextStep, nextStepDate, ...rest } = body;
    const fields: LeadFields = { ...rest, teamUnitId: body.teamUnitId ?? chain?.teamUnitId ?? 0 };
    await checkLead(trx, fields, write);
    const today = countyDay(deps.clock.now());
    if (nextStepDate && nextStepDate < today) throw fieldError({ nextStepDate: 'err.lead.due_past' });
    if (nextStepDate && !nextStep) throw fieldError({ nextStep: 'err.required' });
    const now = deps.clock.now().toISOString();
    const leadId = await chainsRepository.insertLead(trx, {
      ...fields,
      stage: 'lead',
      stageOrder: 0,
      contractInvestmentFen: null,
      signedDate: null,
      startedDate: null,
      producingDate: null,
      nextStep,
      nextStepDate,
      taskId: null,
      projectId: null,
      createdBy: ctx.user.id,
      createdAt: now,
      updatedAt: now,
    });
    await chainsRepository.addEvent(trx, { leadId, at: now, date: today, userId: ctx.user.id, kind: 'created', fromStage: null, toStage: 'lead', note: '' });
    if (nextStep && nextStepDate) {
      const taskId = await stepTask(trx, deps, ctx, { id: leadId, name: fields.name, teamUnitId: fields.teamUnitId, taskId: null }, nextStep, nextStepDate);
      await chainsRepository.updateLead(trx, leadId, { taskId });
    }
    await recordAudit(trx, deps, ctx, { action: 'lead.create', entityType: 'lead', entityId: leadId, after: body });
    return leadId;
  });
  return getLead(deps, ctx, id);
}

async function loadWritable(trx: Trx, ctx: UserContext, before: string, id: number) {
  const row = await loadLead(trx, ctx, before, id);
  if (!scopeIncludes(await leadScope(trx, ctx, 'lead:write'), row.teamUnitId)) throw forbidden();
  return row;
}

/** The team edits a lead: exactly the fields named. */
export async function updateLead(deps: Deps, ctx: UserContext, id: number, body: UpdateLeadBody): Promise<Lead> {
  requirePermission(ctx, 'lead:write');
  const b = await leadBasis(deps, deps.db);
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadWritable(trx, ctx, b.before, id);
    const before = leadFieldsOf(row);
    const after = { ...before, ...body };
    await checkLead(trx, after, await leadScope(trx, ctx, 'lead:write'));
    const now = deps.clock.now().toISOString();
    await chainsRepository.updateLead(trx, id, { ...body, updatedAt: now });
    await chainsRepository.addEvent(trx, {
      leadId: id,
      at: now,
      date: b.today,
      userId: ctx.user.id,
      kind: 'updated',
      fromStage: null,
      toStage: null,
      note: Object.keys(body).join(','),
    });
    await recordAudit(trx, deps, ctx, { action: 'lead.update', entityType: 'lead', entityId: id, before, after });
  });
  return getLead(deps, ctx, id);
}

const STAGE_DATE = { signed: 'signedDate', started: 'startedDate', producing: 'producingDate' } as const;

/**
 * The team moves a lead forward (skipping allowed) on a day no later than today and no earlier than the stage before;
 * signing records the contract amount (the planned amount when not given), which the yearly count uses.
 */
export async function moveStage(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof stageBody>): Promise<Lead> {
  requirePermission(ctx, 'lead:write');
  const b = await leadBasis(deps, deps.db);
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadWritable(trx, ctx, b.before, id);
    const from = row.stage as LeadStage;
    const date = body.date ?? b.today;
    const problems: Problems = {};
    if (!canMoveStage(from, body.stage)) problems.stage = 'err.lead.stage_back';
    if (date > b.today) problems.date = 'err.lead.date_future';
    const earlier = [row.signedDate, row.startedDate, row.producingDate]
      .filter((d): d is string => !!d)
      .sort()
      .pop();
    if (earlier && date < earlier) problems.date = 'err.lead.date_order';
    if (Object.keys(problems).length) throw fieldError(problems);
    const to = body.stage;
    const patch: Parameters<typeof chainsRepository.updateLead>[2] = { stage: to, stageOrder: stageIndex(to), updatedAt: deps.clock.now().toISOString() };
    // Stages skipped over take the same day, so a lead signed and started at once counts at signing.
    for (const s of ['signed', 'started', 'producing'] as const)
      if (stageIndex(to) >= stageIndex(s) && stageIndex(from) < stageIndex(s)) patch[STAGE_DATE[s]] = date;
    if (stageIndex(to) >= stageIndex('signed') && stageIndex(from) < stageIndex('signed'))
      patch.contractInvestmentFen = body.contractInvestmentFen ?? Number(row.plannedInvestmentFen);
    await chainsRepository.updateLead(trx, id, patch);
    await chainsRepository.addEvent(trx, {
      leadId: id,
      at: deps.clock.now().toISOString(),
      date,
      userId: ctx.user.id,
      kind: 'stage',
      fromStage: from,
      toStage: to,
      note: body.note,
    });
    await recordAudit(trx, deps, ctx, {
      action: 'lead.stage',
      entityType: 'lead',
      entityId: id,
      before: { stage: from },
      after: { ...patch, note: body.note },
    });
  });
  return getLead(deps, ctx, id);
}

/** The team sets the lead's next step with its date: a 督办 task of the team, replacing the previous step. */
export async function setNextStep(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof nextStepBody>): Promise<Lead> {
  requirePermission(ctx, 'lead:write');
  const b = await leadBasis(deps, deps.db);
  // Replacing the step finishes the previous step's task, whose `taskClosed` may have after-commit subscribers.
  await events.transaction(deps, async (trx) => {
    const row = await loadWritable(trx, ctx, b.before, id);
    if (body.nextStepDate < b.today) throw fieldError({ nextStepDate: 'err.lead.due_past' });
    const taskId = await stepTask(trx, deps, ctx, row, body.nextStep, body.nextStepDate);
    const now = deps.clock.now().toISOString();
    await chainsRepository.updateLead(trx, id, { ...body, taskId, updatedAt: now });
    await chainsRepository.addEvent(trx, {
      leadId: id,
      at: now,
      date: b.today,
      userId: ctx.user.id,
      kind: 'next_step',
      fromStage: null,
      toStage: null,
      note: `${body.nextStep}（${body.nextStepDate}）`,
    });
    await recordAudit(trx, deps, ctx, {
      action: 'lead.next_step',
      entityType: 'lead',
      entityId: id,
      before: { nextStep: row.nextStep, nextStepDate: row.nextStepDate, taskId: row.taskId },
      after: { ...body, taskId },
    });
  });
  return getLead(deps, ctx, id);
}

const PROJECT_STAGE_OF: Partial<Record<LeadStage, 'preliminary' | 'construction' | 'production'>> = {
  signed: 'preliminary',
  started: 'construction',
  producing: 'production',
};

/**
 * A signed lead becomes a project of the library in one action: name, investment (the contract's), chain and team,
 * chain leader, stage and the lead's particulars are carried over; the caller adds the code, township, unit and dates.
 */
export async function convertLead(deps: Deps, ctx: UserContext, id: number, body: ConvertLeadBody): Promise<Lead> {
  requirePermission(ctx, 'lead:write');
  const b = await leadBasis(deps, deps.db);
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadWritable(trx, ctx, b.before, id);
    if (row.projectId !== null) throw fieldError({ id: 'err.lead.converted' });
    const stage = PROJECT_STAGE_OF[row.stage as LeadStage];
    if (!stage) throw fieldError({ stage: 'err.lead.not_signed' });
    const chain = await chainsRepository.find(trx, { all: true }, row.chainId);
    const projectId = await registerProject(
      trx,
      deps,
      ctx,
      {
        code: body.code,
        name: row.name,
        library: body.library,
        types: [],
        enterpriseId: null,
        chainUnitId: row.teamUnitId,
        townshipUnitId: body.townshipUnitId,
        stage,
        totalInvestmentFen: Number(row.contractInvestmentFen ?? row.plannedInvestmentFen),
        annualPlanFen: body.annualPlanFen,
        plannedStart: body.plannedStart,
        plannedCompletion: body.plannedCompletion,
        plannedProduction: body.plannedProduction,
        leaderUserId: chain?.leaderUserId ?? null,
        responsibleUnitId: body.responsibleUnitId,
        responsiblePerson: row.contact,
        serviceTeamUnitId: row.teamUnitId,
        content: `招商引资项目，投资方：${row.investor}。签约日期：${row.signedDate ?? ''}。${row.note}`.slice(0, 4000),
        location: '',
        lng: null,
        lat: null,
      },
      { module: 'chains', recordId: String(id) },
    );
    const now = deps.clock.now().toISOString();
    await chainsRepository.updateLead(trx, id, { projectId, townshipUnitId: row.townshipUnitId ?? body.townshipUnitId, updatedAt: now });
    await chainsRepository.addEvent(trx, {
      leadId: id,
      at: now,
      date: b.today,
      userId: ctx.user.id,
      kind: 'project',
      fromStage: null,
      toStage: null,
      note: body.code,
    });
    await recordAudit(trx, deps, ctx, { action: 'lead.project', entityType: 'lead', entityId: id, before: { projectId: null }, after: { projectId, ...body } });
  });
  return getLead(deps, ctx, id);
}

/**
 * Each team's count of a year against the target (≥ 2 projects of ≥ 1亿 at signing by default), by the pure rule of
 * `shared/rules/chains-attraction.ts` over the leads that reached the counting stage that year; with open and stalled leads.
 */
export async function scoreboard(deps: Deps, ctx: UserContext, year?: number): Promise<Scoreboard> {
  requirePermission(ctx, 'lead:read');
  const b = await leadBasis(deps, deps.db);
  const y = year ?? Number(b.today.slice(0, 4));
  const scope = await leadScope(deps.db, ctx, 'lead:read');
  const [candidates, open, chains] = await Promise.all([
    chainsRepository.countable(deps.db, scope, STAGE_DATE[b.settings.countingStage], `${y}-01-01`, `${y}-12-31`),
    chainsRepository.openByTeam(deps.db, scope, b.before),
    chainsRepository.allBriefs(deps.db),
  ]);
  const teams = [...new Set(chains.map((c) => c.teamUnitId))].filter((t) => scopeIncludes(scope, t));
  const units = new Map((await chainsRepository.units(deps.db, teams)).map((u) => [u.id, u]));
  const byTeam = new Map<number, ReturnType<typeof countableOf>[]>();
  for (const c of candidates) {
    const list = byTeam.get(c.teamUnitId) ?? [];
    list.push(countableOf(c));
    byTeam.set(c.teamUnitId, list);
  }
  const openOf = new Map(open.map((o) => [o.teamUnitId, o]));
  return {
    year: y,
    settings: b.settings,
    rows: teams
      .map((teamUnitId) => {
        const s = teamScore(byTeam.get(teamUnitId) ?? [], y, b.settings);
        return {
          teamUnit: unitBrief(units.get(teamUnitId), teamUnitId),
          chains: chains.filter((c) => c.teamUnitId === teamUnitId).map(({ id, nameZh, nameEn }) => ({ id, nameZh, nameEn })),
          ...s,
          open: Number(openOf.get(teamUnitId)?.open ?? 0),
          stalled: Number(openOf.get(teamUnitId)?.stalled ?? 0),
        };
      })
      .sort((a, b) => b.counted - a.counted || b.countedFen - a.countedFen || a.teamUnit.id - b.teamUnit.id),
  };
}

/** The office changes the attraction settings (amount, target, counting stage, stalled days). */
export async function updateAttractionSettings(deps: Deps, ctx: UserContext, body: z.infer<typeof attractionSettingsSchema>) {
  requirePermission(ctx, 'chain:manage');
  await deps.db.transaction().execute((trx) => settingsOfAttraction.write(trx, deps, ctx, body));
  return attractionSettings(deps.db);
}
