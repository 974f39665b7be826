import type {
  CreateEntryBody,
  EntryListQuery,
  InnovationEntry,
  InnovationEntryDetail,
  InnovationTargets,
  StageBody,
  saveBreakthroughsBody,
  saveTargetsBody,
} from '../../../shared/modules/innovation.schemas';
import {
  type Move,
  type Pipeline,
  SME_TIER_OF,
  STAGES,
  type Stage,
  breakthrough,
  breakthroughWindow,
  canMove,
  certStatus,
  certValidTo,
  needsCertificate,
  reachedInYear,
  rdInstitutionsText,
  stageRank,
  targetStatus,
  yearOf,
} from '../../../shared/rules/innovation-pipelines';
import type { z } from 'zod';
import { type Scope, requirePermission, scopeFor, scopeIncludes } from '../../core/access/access';
import type { AuthUser, RequestContext, RoleGrant, UserContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Executor, Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { patchEnterprise } from '../../core/enterprises/enterprises.service';
import { AppError, type FieldProblem, fieldError, forbidden, notFound } from '../../core/http/errors';
import { notify } from '../../core/notifications/notifications.service';
import { unitsRepository } from '../../core/org/units.repository';
import { type Job, countyDay } from '../../core/scheduler/scheduler';
import { entryWritable, managesEntries } from './innovation.policy';
import { type EntryFilter, type EntryRow, MANAGE_SCOPE, innovationRepository as repo } from './innovation.repository';

const today = (deps: Pick<Deps, 'clock'>) => countyDay(deps.clock.now());
type Problems = Record<string, FieldProblem['key'] | FieldProblem>;

/** The stage names used in messages (the web has its own). */
const STAGE_NAMES: Record<string, [string, string]> = {
  pool: ['培育库', 'Pool'],
  applied: ['申报', 'Applied'],
  certified: ['认定', 'Certified'],
  renewed: ['复审', 'Renewed'],
  candidate: ['培育', 'Candidate'],
  innovative: ['创新型中小企业', 'Innovative SME'],
  provincial: ['省级', 'Provincial'],
  little_giant: ['国家级"小巨人"', 'National little giant'],
  county: ['县级', 'County'],
  city: ['市级', 'City'],
  national: ['国家级', 'National'],
};
const stageName = (ctx: RequestContext, s: string) => STAGE_NAMES[s]?.[ctx.locale === 'en-US' ? 1 : 0] ?? s;

/** The department that manages a pipeline: 工信局 for 专精特新, 科技局 for the others (the office when missing). */
export const RESPONSIBLE_UNIT_CODE: Record<Pipeline, string> = { high_tech: 'kjj', sme: 'gxj', rd: 'kjj', incubator: 'kjj' };
async function responsibleUnit(db: Executor, pipeline: Pipeline) {
  const byCode = await unitsRepository.findByCode(db, RESPONSIBLE_UNIT_CODE[pipeline]);
  const unit = byCode?.active === 1 ? byCode : await repo.unitByKind(db, 'office');
  if (!unit) throw new AppError('INTERNAL');
  return unit;
}

async function describeEntries(db: Executor, ctx: UserContext, rows: EntryRow[], day: string, manage: Scope | null): Promise<InnovationEntry[]> {
  const units = await repo.unitsByIds(db, [...new Set(rows.flatMap((r) => [r.responsibleUnitId, r.townshipUnitId]).filter((id): id is number => id !== null))]);
  const unit = (id: number | null) => {
    const u = units.find((x) => x.id === id);
    return u ? { id: u.id, nameZh: u.nameZh, nameEn: u.nameEn } : null;
  };
  return rows.map((r) => ({
    id: r.id,
    pipeline: r.pipeline as Pipeline,
    enterprise: r.enterpriseId !== null ? { id: r.enterpriseId, name: r.enterpriseName ?? '' } : null,
    name: r.name || r.enterpriseName || '',
    operator: r.operator,
    kind: r.kind as InnovationEntry['kind'],
    township: unit(r.townshipUnitId),
    responsibleUnit: unit(r.responsibleUnitId) ?? { id: r.responsibleUnitId, nameZh: '', nameEn: '' },
    stage: r.stage as Stage,
    stageDate: r.stageDate,
    certNo: r.certNo,
    certDate: r.certDate,
    validTo: r.validTo,
    certStatus: r.validTo && needsCertificate(r.pipeline as Pipeline, r.stage) ? certStatus(r.validTo, day) : null,
    note: r.note,
    writable: entryWritable(ctx, manage, r),
  }));
}

const manageScope = async (db: Executor, ctx: UserContext) => (managesEntries(ctx) ? scopeFor(db, ctx.user, 'innovation:manage') : null);

export async function listEntries(deps: Deps, ctx: UserContext, q: EntryListQuery) {
  requirePermission(ctx, 'innovation:read');
  const day = today(deps);
  const { rows, total } = await repo.list(deps.db, q, await scopeFor(deps.db, ctx.user, 'innovation:read'), day);
  return { items: await describeEntries(deps.db, ctx, rows, day, await manageScope(deps.db, ctx)), total, page: q.page, pageSize: q.pageSize };
}

export async function allEntries(deps: Deps, ctx: UserContext, f: EntryFilter) {
  requirePermission(ctx, 'innovation:read');
  const day = today(deps);
  return describeEntries(deps.db, ctx, await repo.all(deps.db, f, await scopeFor(deps.db, ctx.user, 'innovation:read'), day), day, null);
}

/** One entry with its history; outside the caller's scope it is 404, exactly like a missing one. */
export async function getEntry(deps: Deps, ctx: UserContext, id: number, db: Executor = deps.db): Promise<InnovationEntryDetail> {
  requirePermission(ctx, 'innovation:read');
  const row = await repo.find(db, id, await scopeFor(db, ctx.user, 'innovation:read'));
  if (!row) throw notFound();
  const [entry] = await describeEntries(db, ctx, [row], today(deps), await manageScope(db, ctx));
  const history = await repo.history(db, id);
  return {
    ...entry,
    history: history.map((h) => ({
      id: h.id,
      fromStage: h.fromStage as Stage | null,
      toStage: h.toStage as Stage,
      changedOn: h.changedOn,
      certNo: h.certNo,
      note: h.note,
      user: h.displayName ?? null,
      at: h.createdAt,
    })),
  };
}

/** The certificate of a 认定 or 复审: its number and issue date are required, the issue not after the change. */
function certificateProblems(pipeline: Pipeline, stage: string, certNo: string, certDate: string | null, on: string): Problems {
  if (!needsCertificate(pipeline, stage)) return {};
  const problems: Problems = {};
  if (!certNo) problems.certNo = 'err.innovation.cert_required';
  if (!certDate) problems.certDate = 'err.innovation.cert_date_required';
  else if (certDate > on) problems.certDate = 'err.innovation.cert_date_after';
  return problems;
}

/** The certificate columns of an entry at a stage: kept for 认定/复审, cleared below. */
const certColumns = (pipeline: Pipeline, stage: string, certNo: string, certDate: string | null) =>
  needsCertificate(pipeline, stage) && certDate ? { certNo, certDate, validTo: certValidTo(certDate) } : { certNo: '', certDate: null, validTo: null };

/**
 * A context that may write the pipeline fields of any firm's profile through core's `patchEnterprise` (its checks and
 * its audit row, naming the caller): a department manages pipelines county-wide but holds no `enterprise:write`.
 * Only `syncProfile` uses it, with the 高新, 专精特新 and 研发机构 fields alone. The daily job acts as the system.
 */
function profileWriter(ctx: RequestContext): UserContext {
  const grant: RoleGrant = {
    id: 0,
    code: 'innovation_pipeline',
    nameZh: '创新培育（档案同步）',
    nameEn: 'Innovation pipelines (profile sync)',
    dataScope: 'all',
    customUnitIds: [],
    permissions: ['enterprise:write'],
  };
  const base: AuthUser = ctx.user ?? {
    id: 0,
    username: 'system',
    displayName: '系统',
    unitId: 0,
    enterpriseId: null,
    locale: 'zh-CN',
    roles: [],
    permissions: new Set(),
    sessionId: '',
    csrfToken: '',
    passwordChangeReason: null,
    mfaPending: null,
  };
  return { ...ctx, user: { ...base, roles: [...base.roles, grant], permissions: new Set([...base.permissions, 'enterprise:write']) } };
}

/**
 * Brings the firm's 一企一档 profile in line with an entry, in the caller's transaction and through core's own edit
 * (audited `enterprise.update`): 高新 while a 认定/复审 certificate is valid, the 专精特新 tier, the 研发机构 text from
 * all the firm's institutions. Incubators have no profile field. Nothing is written when nothing changes.
 */
export async function syncProfile(
  trx: Trx,
  deps: Deps,
  ctx: RequestContext,
  entry: { pipeline: string; enterpriseId: number | null; stage: string; certNo: string; validTo: string | null },
) {
  if (entry.enterpriseId === null) return;
  const firm = await repo.firm(trx, entry.enterpriseId);
  if (!firm) return;
  const pipeline = entry.pipeline as Pipeline;
  let patch: {
    highTech?: boolean;
    highTechCertNo?: string;
    highTechValidTo?: string | null;
    smeTier?: (typeof SME_TIER_OF)[keyof typeof SME_TIER_OF];
    rdInstitutions?: string;
  } = {};
  if (pipeline === 'high_tech') {
    const holds = needsCertificate(pipeline, entry.stage) && entry.validTo !== null && certStatus(entry.validTo, today(deps)) !== 'expired';
    patch = holds
      ? { highTech: true, highTechCertNo: entry.certNo, highTechValidTo: entry.validTo }
      : { highTech: false, highTechCertNo: '', highTechValidTo: null };
    if (firm.highTech === (patch.highTech ? 1 : 0) && firm.highTechCertNo === patch.highTechCertNo && firm.highTechValidTo === patch.highTechValidTo) return;
  } else if (pipeline === 'sme') {
    patch = { smeTier: SME_TIER_OF[entry.stage as keyof typeof SME_TIER_OF] };
    if (firm.smeTier === patch.smeTier) return;
  } else if (pipeline === 'rd') {
    const institutions = await repo.ofFirm(trx, entry.enterpriseId, 'rd');
    patch = { rdInstitutions: rdInstitutionsText(institutions.map((i) => ({ name: i.name, stage: i.stage }))) };
    if (firm.rdInstitutions === patch.rdInstitutions) return;
  } else return;
  await patchEnterprise(trx, deps, profileWriter(ctx), entry.enterpriseId, patch);
}

async function checkNew(db: Executor, body: CreateEntryBody, day: string) {
  const problems: Problems = {};
  const pipeline = body.pipeline;
  if (stageRank(pipeline, body.stage) < 0) problems.stage = 'err.innovation.stage_unknown';
  const firmOnly = pipeline === 'high_tech' || pipeline === 'sme';
  let firm: Awaited<ReturnType<typeof repo.firm>>;
  if (body.enterpriseId !== null) {
    firm = await repo.firm(db, body.enterpriseId);
    if (!firm) problems.enterpriseId = 'err.innovation.enterprise_unknown';
    else if (firmOnly && (await repo.ofFirm(db, firm.id, pipeline)).length > 0) problems.enterpriseId = 'err.innovation.duplicate';
  } else if (firmOnly) problems.enterpriseId = 'err.innovation.enterprise_required';
  if (!firmOnly && !body.name) problems.name = 'err.innovation.name_required';
  if (!firmOnly && body.enterpriseId === null) {
    if (!body.operator) problems.operator = 'err.innovation.operator_required';
    const [township] = body.townshipUnitId ? await repo.unitsByIds(db, [body.townshipUnitId]) : [];
    if (township?.kind !== 'township' || township.active !== 1) problems.townshipUnitId = 'err.innovation.township_unknown';
  }
  if (pipeline === 'incubator' && !body.kind) problems.kind = 'err.innovation.kind_required';
  if (pipeline !== 'incubator' && body.kind) problems.kind = 'err.innovation.kind_only_incubator';
  if (body.stageDate > day) problems.stageDate = 'err.innovation.future';
  Object.assign(problems, certificateProblems(pipeline, body.stage, body.certNo, body.certDate, body.stageDate));
  if (Object.keys(problems).length) throw fieldError(problems);
  return firm;
}

/** Files an entry at a stage (科技局 or 工信局 in its own pipelines, the office in all), audited; the profile follows. */
export async function createEntry(deps: Deps, ctx: UserContext, body: CreateEntryBody): Promise<InnovationEntryDetail> {
  requirePermission(ctx, 'innovation:manage');
  const day = today(deps);
  const now = deps.clock.now().toISOString();
  const id = await deps.db.transaction().execute(async (trx) => {
    const unit = await responsibleUnit(trx, body.pipeline);
    const scope = await scopeFor(trx, ctx.user, 'innovation:manage');
    if (ctx.user.enterpriseId !== null || !scopeIncludes(scope, unit.id)) throw forbidden();
    const firm = await checkNew(trx, body, day);
    const values = {
      pipeline: body.pipeline,
      enterpriseId: body.enterpriseId,
      name: body.pipeline === 'high_tech' || body.pipeline === 'sme' ? '' : body.name,
      operator: body.enterpriseId === null ? body.operator : '',
      kind: body.pipeline === 'incubator' ? body.kind : null,
      townshipUnitId: firm ? firm.townshipUnitId : body.townshipUnitId,
      responsibleUnitId: unit.id,
      stage: body.stage,
      stageDate: body.stageDate,
      ...certColumns(body.pipeline, body.stage, body.certNo, body.certDate),
      note: body.note,
      createdBy: ctx.user.id,
      createdAt: now,
      updatedAt: now,
    };
    const id = await repo.insert(trx, values);
    await repo.insertChange(trx, {
      entryId: id,
      fromStage: null,
      toStage: body.stage,
      changedOn: body.stageDate,
      certNo: values.certNo,
      note: body.note,
      userId: ctx.user.id,
      createdAt: now,
    });
    await recordAudit(trx, deps, ctx, { action: 'innovation_entry.create', entityType: 'innovation_entry', entityId: id, after: { id, ...values } });
    await syncProfile(trx, deps, ctx, values);
    return id;
  });
  return getEntry(deps, ctx, id);
}

/**
 * Moves an entry to another stage on a day (a promotion, a demotion, a 复审) with a note: only the moves the rules
 * allow (another is 409), not before the last change, not in the future; 认定 and 复审 carry the new certificate. The
 * firm's profile follows in the same transaction; the change is audited and kept in the entry's history.
 */
export async function changeStage(deps: Deps, ctx: UserContext, id: number, body: StageBody): Promise<InnovationEntryDetail> {
  requirePermission(ctx, 'innovation:manage');
  const day = today(deps);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (ctx.user.enterpriseId !== null) throw notFound();
    const row = await repo.find(trx, id, await scopeFor(trx, ctx.user, 'innovation:manage'), MANAGE_SCOPE);
    if (!row) throw notFound();
    const pipeline = row.pipeline as Pipeline;
    const problems: Problems = {};
    if (stageRank(pipeline, body.stage) < 0) problems.stage = 'err.innovation.stage_unknown';
    if (body.changedOn > day) problems.changedOn = 'err.innovation.future';
    else if (body.changedOn < row.stageDate) problems.changedOn = { key: 'err.innovation.before_last', params: { date: row.stageDate } };
    Object.assign(problems, certificateProblems(pipeline, body.stage, body.certNo, body.certDate, body.changedOn));
    if (Object.keys(problems).length) throw fieldError(problems);
    if (!canMove(pipeline, row.stage, body.stage))
      throw new AppError(
        'CONFLICT',
        {},
        { stage: { key: 'err.innovation.illegal_move', params: { from: stageName(ctx, row.stage), to: stageName(ctx, body.stage) } } },
      );
    const changes = { stage: body.stage, stageDate: body.changedOn, ...certColumns(pipeline, body.stage, body.certNo, body.certDate), updatedAt: now };
    // Two changes racing from the same stage: the second finds the entry moved on and is refused like a jump.
    if (!(await repo.moveFrom(trx, id, row, changes)))
      throw new AppError(
        'CONFLICT',
        {},
        { stage: { key: 'err.innovation.illegal_move', params: { from: stageName(ctx, row.stage), to: stageName(ctx, body.stage) } } },
      );
    await repo.insertChange(trx, {
      entryId: id,
      fromStage: row.stage,
      toStage: body.stage,
      changedOn: body.changedOn,
      certNo: changes.certNo,
      note: body.note,
      userId: ctx.user.id,
      createdAt: now,
    });
    await recordAudit(trx, deps, ctx, {
      action: 'innovation_entry.stage',
      entityType: 'innovation_entry',
      entityId: id,
      before: { stage: row.stage, stageDate: row.stageDate, certNo: row.certNo, certDate: row.certDate, validTo: row.validTo },
      after: {
        stage: changes.stage,
        stageDate: changes.stageDate,
        certNo: changes.certNo,
        certDate: changes.certDate,
        validTo: changes.validTo,
        note: body.note,
      },
    });
    await syncProfile(trx, deps, ctx, { pipeline, enterpriseId: row.enterpriseId, stage: body.stage, certNo: changes.certNo, validTo: changes.validTo });
  });
  return getEntry(deps, ctx, id);
}

// ---- Targets ------------------------------------------------------------------------------------------------------

/** The year's targets against progress and the 零突破 goals; county-wide figures for staff (a firm: 404). */
export async function targetsOf(deps: Deps, ctx: UserContext, year?: number): Promise<InnovationTargets> {
  requirePermission(ctx, 'innovation:read');
  if (ctx.user.enterpriseId !== null) throw notFound();
  const day = today(deps);
  const y = year ?? yearOf(day);
  const [targets, goals] = await Promise.all([repo.targets(deps.db, y), repo.breakthroughs(deps.db)]);
  const since = [`${y}-01-01`, ...goals.map((g) => breakthroughWindow(g.startYear, g.years).from)].sort()[0];
  const moves: Move[] = (await repo.movesSince(deps.db, since)).map((m) => ({
    entryId: m.entryId,
    pipeline: m.pipeline as Pipeline,
    from: m.fromStage,
    to: m.toStage,
    on: m.changedOn,
  }));
  const order = (p: string, s: string) =>
    (STAGES as Record<string, readonly string[]>)[p] ? Object.keys(STAGES).indexOf(p) * 10 + stageRank(p as Pipeline, s) : 99;
  const outcomes = goals.map((g) => ({
    g,
    r: breakthrough(moves, { pipeline: g.pipeline as Pipeline, stage: g.stage, startYear: g.startYear, years: g.years }, day),
  }));
  const firstIds = outcomes.flatMap((o) => (o.r.entryId !== null ? [o.r.entryId] : []));
  const names = new Map<number, string>();
  for (const id of firstIds) {
    const row = await repo.find(deps.db, id, { all: true });
    if (row) names.set(id, row.name || row.enterpriseName || '');
  }
  return {
    year: y,
    targets: [...targets]
      .sort((a, b) => order(a.pipeline, a.stage) - order(b.pipeline, b.stage))
      .map((t) => {
        const achieved = reachedInYear(moves, t.pipeline as Pipeline, t.stage, y);
        return {
          pipeline: t.pipeline as Pipeline,
          stage: t.stage as Stage,
          target: t.target,
          achieved,
          remaining: Math.max(0, t.target - achieved),
          status: targetStatus(t.target, achieved, y, day),
        };
      }),
    breakthroughs: outcomes.map(({ g, r }) => ({
      pipeline: g.pipeline as Pipeline,
      stage: g.stage as Stage,
      startYear: g.startYear,
      years: g.years,
      from: r.from,
      to: r.to,
      achievedOn: r.achievedOn,
      entry: r.entryId !== null ? { id: r.entryId, name: names.get(r.entryId) ?? '' } : null,
      status: r.status,
    })),
  };
}

function checkStages(items: { pipeline: Pipeline; stage: string }[], unique: boolean) {
  const problems: Problems = {};
  const seen = new Set<string>();
  items.forEach((t, i) => {
    if (stageRank(t.pipeline, t.stage) < 0) problems[`items.${i}.stage`] = 'err.innovation.stage_unknown';
    const key = `${t.pipeline}/${t.stage}`;
    if (unique && seen.has(key)) problems[`items.${i}.stage`] = 'err.innovation.target_duplicate';
    seen.add(key);
  });
  if (Object.keys(problems).length) throw fieldError(problems);
}

/** Replaces a year's targets (the office), audited. */
export async function saveTargets(deps: Deps, ctx: UserContext, year: number, body: z.infer<typeof saveTargetsBody>) {
  requirePermission(ctx, 'innovation:targets');
  checkStages(body.items, true);
  await deps.db.transaction().execute(async (trx) => {
    const before = await repo.targets(trx, year);
    await repo.replaceTargets(trx, year, body.items);
    await recordAudit(trx, deps, ctx, { action: 'innovation_target.save', entityType: 'innovation_target', entityId: year, before, after: body.items });
  });
  return targetsOf(deps, ctx, year);
}

/** Replaces the 零突破 goals (the office), audited. */
export async function saveBreakthroughs(deps: Deps, ctx: UserContext, body: z.infer<typeof saveBreakthroughsBody>) {
  requirePermission(ctx, 'innovation:targets');
  checkStages(body.items, true);
  await deps.db.transaction().execute(async (trx) => {
    const before = await repo.breakthroughs(trx);
    await repo.replaceBreakthroughs(trx, body.items);
    await recordAudit(trx, deps, ctx, { action: 'innovation_breakthrough.save', entityType: 'innovation_target', entityId: null, before, after: body.items });
  });
  return targetsOf(deps, ctx);
}

/** Firms to file (a manager picks one by name or credit code). */
export async function innovationFirms(deps: Deps, ctx: UserContext, q: string | undefined) {
  requirePermission(ctx, 'innovation:manage');
  if (ctx.user.enterpriseId !== null) throw notFound();
  const rows = await repo.firms(deps.db, q);
  return { items: rows.map((r) => ({ id: r.id, name: r.name, township: { id: r.townshipId, nameZh: r.nameZh, nameEn: r.nameEn } })) };
}

// ---- The daily certificate job ------------------------------------------------------------------------------------

/**
 * Tells the responsible department (科技局) of every 高新 certificate that has entered its 复审 window (its last year)
 * or expired, once per certificate and state; an expired certificate also takes 高新 off the firm's profile (through
 * core's edit, audited as the system). Running it again changes nothing.
 */
export async function notifyCertificates(deps: Deps, ctx: RequestContext = { user: null, ip: null, userAgent: null, locale: 'zh-CN' }): Promise<number> {
  const day = today(deps);
  const now = deps.clock.now().toISOString();
  // A certificate is due for 复审 once its last valid day is within a year (`certStatus` says which).
  const horizon = `${yearOf(day) + 1}${day.slice(4)}`;
  return deps.db.transaction().execute(async (trx) => {
    let sent = 0;
    for (const e of await repo.certsEndingBefore(trx, horizon)) {
      if (!e.validTo) continue;
      const status = certStatus(e.validTo, day);
      if (status === 'valid') continue;
      if (!(await repo.markCertNotice(trx, e.id, e.validTo, status, now))) continue;
      const firm = e.enterpriseName ?? e.name;
      await notify(trx, deps, {
        unitIds: [e.responsibleUnitId],
        kind: status === 'expired' ? 'innovation.cert_expired' : 'innovation.cert_renewal',
        title:
          status === 'expired'
            ? {
                zh: `高新技术企业证书已过期：${firm}（${e.certNo}，有效期至 ${e.validTo}）`,
                en: `High-tech certificate expired: ${firm} (${e.certNo}, valid to ${e.validTo})`,
              }
            : {
                zh: `高新技术企业进入复审期：${firm}（${e.certNo}，有效期至 ${e.validTo}）`,
                en: `High-tech certificate due for renewal: ${firm} (${e.certNo}, valid to ${e.validTo})`,
              },
        link: `/innovation?pipeline=high_tech&entry=${e.id}`,
        entityType: 'innovation_entry',
        entityId: e.id,
      });
      await recordAudit(trx, deps, ctx, {
        action: status === 'expired' ? 'innovation_entry.expired' : 'innovation_entry.renewal_due',
        entityType: 'innovation_entry',
        entityId: e.id,
        after: { certNo: e.certNo, validTo: e.validTo, status },
      });
      if (status === 'expired')
        await syncProfile(trx, deps, ctx, { pipeline: e.pipeline, enterpriseId: e.enterpriseId, stage: e.stage, certNo: e.certNo, validTo: e.validTo });
      sent++;
    }
    return sent;
  });
}

export const certJob: Job = {
  name: 'innovation.certificates',
  schedule: '30 7 * * *',
  period: (now) => countyDay(now),
  run: async (deps) => {
    const n = await notifyCertificates(deps);
    return n ? `${n} certificate notices` : null;
  },
};
