import type { z } from 'zod';
import type {
  ApplicationListItem,
  ApplicationListQuery,
  BudgetRow,
  FundApplication,
  FundProgramme,
  ProgrammeListQuery,
  createApplicationBody,
  createProgrammeBody,
  disbursementBody,
  resubmitBody,
  rejectBody,
  reviewBody,
  updateProgrammeBody,
} from '../../../shared/modules/funds.schemas';
import {
  type AmountRule,
  type ApplicationStatus,
  type ReviewStep,
  awardAmount,
  fitsBudget,
  fitsDisbursement,
  nextStatus,
  programmeOpen,
  remainingBudget,
} from '../../../shared/rules/funds-awards';
import { requirePermission, scopeFor, scopeIfHeld } from '../../core/access/access';
import type { UserContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Executor, Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { events } from '../../core/events/events';
import { AppError, fieldError, forbidden, notFound } from '../../core/http/errors';
import { notify } from '../../core/notifications/notifications.service';
import { countyDay } from '../../core/scheduler/scheduler';
import { createTask, finishTask } from '../../core/tasks/tasks.service';
import { actionsOf } from './funds.policy';
import { type ApplicationFilter, type ListedApplication, type ProgrammeRow, fundsRepository } from './funds.repository';

const MODULE = 'funds';
const today = (deps: Pick<Deps, 'clock'>) => countyDay(deps.clock.now());
const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const applicationLink = (id: number) => `/funds/applications/${id}`;
/** Working days each step has, as its 督办 task's time limit. */
const STEP_DAYS: Record<ReviewStep, number> = { preliminary: 5, office: 5, leader: 3 };
const STEP_NAMES: Record<ReviewStep, string> = { preliminary: '初审', office: '办公室审核', leader: '领导审批' };
type Unit = { id: number; nameZh: string; nameEn: string };
const brief = (units: Unit[], id: number) => {
  const u = units.find((x) => x.id === id);
  return { id, nameZh: u?.nameZh ?? '', nameEn: u?.nameEn ?? '' };
};
const conflict = (field: string, key: Parameters<typeof fieldError>[0][string] & string, params: Record<string, string | number> = {}) =>
  new AppError('CONFLICT', {}, { [field]: { key: key as never, params } });

// ---------------------------------------------------------------------------------------------------------------
// Programmes

const ruleOf = (c: { ruleKind: string; amountFen: number | null; shareBp: number | null; capFen: number | null }): AmountRule =>
  c.ruleKind === 'fixed'
    ? { kind: 'fixed', amountFen: Number(c.amountFen ?? 0) }
    : { kind: 'share', shareBp: Number(c.shareBp ?? 0), capFen: Number(c.capFen ?? 0) };

async function describeProgrammes(db: Executor, rows: ProgrammeRow[], day: string): Promise<FundProgramme[]> {
  const [categories, units] = await Promise.all([
    fundsRepository.categories(
      db,
      rows.map((r) => r.id),
    ),
    fundsRepository.unitsByIds(db, [...new Set(rows.flatMap((r) => (r.reviewUnitId ? [r.reviewUnitId] : [])))]),
  ]);
  return rows.map((r) => ({
    id: r.id,
    fund: r.fund as FundProgramme['fund'],
    name: r.name,
    year: r.year,
    budgetFen: Number(r.budgetFen),
    approvedFen: Number(r.approvedFen),
    disbursedFen: Number(r.disbursedFen),
    remainingFen: remainingBudget(Number(r.budgetFen), Number(r.approvedFen)),
    opensOn: r.opensOn,
    closesOn: r.closesOn,
    open: programmeOpen(r, day),
    materials: r.materials,
    basis: r.basis,
    reviewUnit: r.reviewUnitId ? brief(units, r.reviewUnitId) : null,
    categories: categories
      .filter((c) => c.programmeId === r.id)
      .map((c) => ({
        id: c.id,
        programmeId: c.programmeId,
        name: c.name,
        ruleKind: c.ruleKind as 'fixed' | 'share',
        amountFen: c.amountFen === null ? null : Number(c.amountFen),
        shareBp: c.shareBp,
        capFen: c.capFen === null ? null : Number(c.capFen),
      })),
  }));
}

/** Programmes (every reader: firms see what they may apply for). */
export async function listProgrammes(deps: Deps, ctx: UserContext, query: ProgrammeListQuery) {
  requirePermission(ctx, 'fund:read');
  const day = today(deps);
  const { rows, total } = await fundsRepository.listProgrammes(deps.db, query, day);
  return { items: await describeProgrammes(deps.db, rows, day), total, page: query.page, pageSize: query.pageSize };
}

export async function allProgrammes(deps: Deps, ctx: UserContext, filter: Omit<ProgrammeListQuery, 'page' | 'pageSize'>) {
  requirePermission(ctx, 'fund:read');
  const day = today(deps);
  return describeProgrammes(deps.db, await fundsRepository.allProgrammes(deps.db, filter, day), day);
}

export async function getProgramme(deps: Deps, ctx: UserContext, id: number): Promise<FundProgramme> {
  requirePermission(ctx, 'fund:read');
  const row = await fundsRepository.programme(deps.db, id);
  if (!row) throw notFound();
  const [p] = await describeProgrammes(deps.db, [row], today(deps));
  return p as FundProgramme;
}

async function checkReviewUnit(trx: Trx, id: number | null | undefined) {
  if (id === null || id === undefined) return;
  const [unit] = await fundsRepository.unitsByIds(trx, [id]);
  if (unit?.active !== 1 || unit.kind !== 'department') throw fieldError({ reviewUnitId: 'err.fund.review_unit' });
}

/** The office opens a programme of a fund for a year with its budget and award categories. */
export async function createProgramme(deps: Deps, ctx: UserContext, body: z.infer<typeof createProgrammeBody>): Promise<FundProgramme> {
  requirePermission(ctx, 'fund:manage');
  if (body.closesOn < body.opensOn) throw fieldError({ closesOn: 'err.fund.dates' });
  const id = await events.transaction(deps, async (trx) => {
    if (await fundsRepository.programmeByName(trx, body.fund, body.year, body.name)) throw fieldError({ name: 'err.fund.programme_exists' });
    await checkReviewUnit(trx, body.reviewUnitId);
    const now = deps.clock.now().toISOString();
    const { categories, ...fields } = body;
    const values = { ...fields, approvedFen: 0, disbursedFen: 0, createdBy: ctx.user.id, createdAt: now, updatedAt: now };
    const id = await fundsRepository.insertProgramme(trx, values);
    for (const [i, c] of categories.entries()) await fundsRepository.insertCategory(trx, { programmeId: id, ...c, sortOrder: (i + 1) * 10 });
    await recordAudit(trx, deps, ctx, { action: 'fund_programme.create', entityType: 'fund_programme', entityId: id, after: body });
    return id;
  });
  return getProgramme(deps, ctx, id);
}

/** The office edits a programme; its budget never goes below what has been approved (checked under the row lock). */
export async function updateProgramme(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof updateProgrammeBody>): Promise<FundProgramme> {
  requirePermission(ctx, 'fund:manage');
  await events.transaction(deps, async (trx) => {
    const row = await fundsRepository.lockProgramme(trx, deps.dialect, id);
    if (!row) throw notFound();
    const opensOn = body.opensOn ?? row.opensOn;
    const closesOn = body.closesOn ?? row.closesOn;
    if (closesOn < opensOn) throw fieldError({ closesOn: 'err.fund.dates' });
    if (body.budgetFen !== undefined && body.budgetFen < Number(row.approvedFen))
      throw conflict('budgetFen', 'err.fund.budget_below_approved', { approved: yuan(Number(row.approvedFen)) });
    if (body.name !== undefined && body.name !== row.name && (await fundsRepository.programmeByName(trx, row.fund, row.year, body.name)))
      throw fieldError({ name: 'err.fund.programme_exists' });
    await checkReviewUnit(trx, body.reviewUnitId);
    const changes = { ...body, updatedAt: deps.clock.now().toISOString() };
    await fundsRepository.updateProgramme(trx, id, changes);
    await recordAudit(trx, deps, ctx, {
      action: 'fund_programme.update',
      entityType: 'fund_programme',
      entityId: id,
      before: row,
      after: { ...row, ...changes },
    });
  });
  return getProgramme(deps, ctx, id);
}

// ---------------------------------------------------------------------------------------------------------------
// Applications

async function describeApplications(db: Executor, rows: ListedApplication[]): Promise<ApplicationListItem[]> {
  const units = await fundsRepository.unitsByIds(db, [...new Set(rows.flatMap((r) => [r.townshipUnitId, r.reviewUnitId]))]);
  return rows.map((r) => ({
    id: r.id,
    programme: { id: r.programmeId, name: r.programmeName, year: r.programmeYear, fund: r.programmeFund as ApplicationListItem['programme']['fund'] },
    category: { id: r.categoryId, name: r.categoryName },
    enterprise: { id: r.enterpriseId, name: r.enterpriseName },
    townshipUnit: brief(units, r.townshipUnitId),
    reviewUnit: brief(units, r.reviewUnitId),
    title: r.title,
    requestedFen: Number(r.requestedFen),
    approvedFen: r.approvedFen === null ? null : Number(r.approvedFen),
    disbursedFen: Number(r.disbursedFen),
    status: r.status as ApplicationStatus,
    submittedDate: r.submittedDate,
    dueDate: ['preliminary', 'office', 'leader'].includes(r.status) ? (r.taskDueDate ?? null) : null,
  }));
}

/** The steps waiting for the caller: its unit's preliminary reviews, the office's reviews, the leader's approvals, payments. */
function waitingFor(ctx: UserContext): ApplicationFilter['waiting'] {
  const p = ctx.user.permissions;
  const out: NonNullable<ApplicationFilter['waiting']> = [];
  if (p.has('fund:review')) out.push({ status: 'preliminary', reviewUnitId: ctx.user.unitId });
  if (p.has('fund:manage')) out.push({ status: 'office' });
  if (p.has('fund:approve')) out.push({ status: 'leader' });
  if (p.has('fund:disburse')) out.push({ status: 'approved' });
  if (p.has('fund:apply')) out.push({ status: 'returned' });
  return out;
}

const filterOf = (ctx: UserContext, q: Omit<ApplicationListQuery, 'page' | 'pageSize'>): ApplicationFilter => {
  const { mine, ...rest } = q;
  return mine === 'true' ? { ...rest, waiting: waitingFor(ctx) } : rest;
};

/** One page of applications in the caller's scope: a firm its own, a township its firms', a department what it reviews. */
export async function listApplications(deps: Deps, ctx: UserContext, query: ApplicationListQuery) {
  requirePermission(ctx, 'fund:read');
  const scope = await scopeFor(deps.db, ctx.user, 'fund:read');
  const { rows, total } = await fundsRepository.listApplications(deps.db, { ...filterOf(ctx, query), page: query.page, pageSize: query.pageSize }, scope);
  return { items: await describeApplications(deps.db, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function allApplications(deps: Deps, ctx: UserContext, filter: Omit<ApplicationListQuery, 'page' | 'pageSize'>) {
  requirePermission(ctx, 'fund:read');
  const scope = await scopeFor(deps.db, ctx.user, 'fund:read');
  return describeApplications(deps.db, await fundsRepository.allApplications(deps.db, filterOf(ctx, filter), scope));
}

async function findInScope(db: Executor, ctx: UserContext, id: number) {
  const row = await fundsRepository.findApplication(db, id, await scopeFor(db, ctx.user, 'fund:read'));
  if (!row) throw notFound();
  return row;
}

/** One application with its history and payments (another firm's, or one outside the caller's units: 404). */
export async function getApplication(deps: Deps, ctx: UserContext, id: number): Promise<FundApplication> {
  requirePermission(ctx, 'fund:read');
  const row = await findInScope(deps.db, ctx, id);
  const [[item], events, payments] = await Promise.all([
    describeApplications(deps.db, [row]),
    fundsRepository.events(deps.db, id),
    fundsRepository.disbursements(deps.db, id),
  ]);
  const firm = ctx.user.enterpriseId !== null;
  return {
    ...(item as ApplicationListItem),
    description: row.description,
    investmentFen: row.investmentFen === null ? null : Number(row.investmentFen),
    recommendedFen: row.recommendedFen === null ? null : Number(row.recommendedFen),
    // The firm follows its status here, not through the reviewers' tasks.
    taskId: firm ? null : row.taskId,
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind,
      user: firm ? null : e.userName,
      unit: e.unitId === null ? null : { id: e.unitId, nameZh: e.unitNameZh ?? '', nameEn: e.unitNameEn ?? '' },
      text: e.text,
    })),
    disbursements: payments.map((p) => ({ id: p.id, paidDate: p.paidDate, amountFen: Number(p.amountFen), note: p.note })),
    actions: actionsOf(ctx, row),
  };
}

/** The unit that owns a step's task: the reviewing township or department, the office, the county (its leaders). */
async function stepUnit(trx: Trx, step: ReviewStep, reviewUnitId: number) {
  if (step === 'preliminary') return reviewUnitId;
  const unit = await fundsRepository.unitByKind(trx, step === 'office' ? 'office' : 'county');
  if (!unit) throw new AppError('INTERNAL');
  return unit.id;
}

/** Opens the 督办 task of the step an application now waits at, due within the step's working days. */
async function stepTask(
  trx: Trx,
  deps: Deps,
  ctx: UserContext,
  a: { id: number; title: string; enterpriseId: number; reviewUnitId: number },
  step: ReviewStep,
) {
  const office = await fundsRepository.unitByKind(trx, 'office');
  const ownerUnitId = await stepUnit(trx, step, a.reviewUnitId);
  return createTask(trx, deps, ctx, {
    type: 'fund_review',
    title: `资金申请${STEP_NAMES[step]}：${a.title}`,
    source: { module: MODULE, recordId: `${a.id}/${step}/${deps.clock.now().getTime()}` },
    enterpriseId: a.enterpriseId,
    ownerUnitId,
    createdByUnitId: office?.id ?? ownerUnitId,
    dueInWorkingDays: STEP_DAYS[step],
  });
}

async function addEvent(trx: Trx, deps: Deps, ctx: UserContext, applicationId: number, kind: string, text: string) {
  await fundsRepository.addEvent(trx, {
    applicationId,
    at: deps.clock.now().toISOString(),
    kind,
    userId: ctx.user.id,
    unitId: ctx.user.enterpriseId === null ? ctx.user.unitId : null,
    text,
  });
}

async function tellFirm(trx: Trx, deps: Deps, ctx: UserContext, a: { id: number; enterpriseId: number; title: string }, zh: string, en: string) {
  const users = await fundsRepository.firmUserIds(trx, a.enterpriseId);
  await notify(trx, deps, {
    userIds: users.map((u) => u.id),
    exceptUserIds: [ctx.user.id],
    kind: 'fund.status',
    title: { zh: `${a.title}：${zh}`, en: `${a.title}: ${en}` },
    link: applicationLink(a.id),
    entityType: 'fund_application',
    entityId: a.id,
  });
}

/**
 * A new application. A firm applies for itself on the portal; the office enters one on a firm's behalf. The programme
 * must be open today and the category its own; the amount follows the category's rule. It goes to the preliminary
 * review of the programme's department, or of the firm's township, as a 督办 task.
 */
export async function createApplication(deps: Deps, ctx: UserContext, body: z.infer<typeof createApplicationBody>): Promise<FundApplication> {
  const firmId = ctx.user.permissions.has('fund:apply') ? ctx.user.enterpriseId : null;
  if (firmId === null) requirePermission(ctx, 'fund:manage');
  const day = today(deps);
  const id = await events.transaction(deps, async (trx) => {
    let enterprise: { id: number; name: string; townshipUnitId: number } | undefined;
    if (firmId !== null) {
      // A firm speaks for itself only: another firm's id is simply not found.
      if (body.enterpriseId !== undefined && body.enterpriseId !== firmId) throw notFound();
      enterprise = await fundsRepository.enterprise(trx, firmId, { all: true });
      if (!enterprise) throw notFound();
    } else {
      if (body.enterpriseId === undefined) throw fieldError({ enterpriseId: 'err.required' });
      const scope = await scopeIfHeld(trx, ctx.user, 'enterprise:read');
      enterprise = await fundsRepository.enterprise(trx, body.enterpriseId, scope);
      if (!enterprise) throw fieldError({ enterpriseId: 'err.fund.enterprise_unknown' });
    }
    const programme = await fundsRepository.programme(trx, body.programmeId);
    if (!programme) throw fieldError({ programmeId: 'err.fund.programme_unknown' });
    if (!programmeOpen(programme, day)) throw conflict('programmeId', 'err.fund.closed', { opensOn: programme.opensOn, closesOn: programme.closesOn });
    const category = await fundsRepository.category(trx, body.categoryId);
    if (!category || category.programmeId !== programme.id) throw fieldError({ categoryId: 'err.fund.category_unknown' });
    if (body.policyId !== null) {
      const policy = await fundsRepository.policy(trx, body.policyId);
      if (policy?.active !== 1 || policy.programmeId !== programme.id || policy.categoryId !== category.id)
        throw fieldError({ policyId: 'err.fund.policy_inactive' });
    }
    const rule = ruleOf(category);
    if (rule.kind === 'share' && body.investmentFen === null) throw fieldError({ investmentFen: 'err.fund.investment_required' });
    const requestedFen = awardAmount(rule, body.investmentFen);
    if (requestedFen <= 0) throw fieldError({ investmentFen: 'err.fund.zero_award' });
    const now = deps.clock.now().toISOString();
    const values = {
      programmeId: programme.id,
      categoryId: category.id,
      enterpriseId: enterprise.id,
      townshipUnitId: enterprise.townshipUnitId,
      reviewUnitId: programme.reviewUnitId ?? enterprise.townshipUnitId,
      title: body.title,
      description: body.description,
      investmentFen: body.investmentFen,
      requestedFen,
      recommendedFen: null,
      approvedFen: null,
      disbursedFen: 0,
      status: 'preliminary',
      taskId: null,
      submittedDate: day,
      approvedDate: null,
      policyId: body.policyId,
      createdBy: ctx.user.id,
      createdAt: now,
      updatedAt: now,
    };
    const id = await fundsRepository.insertApplication(trx, values);
    const taskId = await stepTask(trx, deps, ctx, { id, title: body.title, enterpriseId: enterprise.id, reviewUnitId: values.reviewUnitId }, 'preliminary');
    await fundsRepository.updateApplication(trx, id, { taskId });
    await addEvent(trx, deps, ctx, id, 'submitted', `${body.title}（申请 ${yuan(requestedFen)} 元）`);
    await recordAudit(trx, deps, ctx, { action: 'fund_application.create', entityType: 'fund_application', entityId: id, after: { ...values, taskId } });
    return id;
  });
  return getApplication(deps, ctx, id);
}

/**
 * One review step's decision. Only the step's unit acts (403 otherwise); an application elsewhere is a 409. Pass moves
 * it on with a new task; a return, with its reason, sends it back to the firm. The leader's pass approves it: the
 * programme row is locked first, so Σ approved ≤ budget holds however many leaders click at once, and the loser of
 * a race gets 409 with what remains.
 */
export async function reviewApplication(
  deps: Deps,
  ctx: UserContext,
  id: number,
  step: ReviewStep,
  body: z.infer<typeof reviewBody>,
): Promise<FundApplication> {
  requirePermission(ctx, step === 'preliminary' ? 'fund:review' : step === 'office' ? 'fund:manage' : 'fund:approve');
  const day = today(deps);
  await events.transaction(deps, async (trx) => {
    const seen = await findInScope(trx, ctx, id);
    // Lock order: the programme, then the application (disbursements take them in the same order).
    const programme = await fundsRepository.lockProgramme(trx, deps.dialect, seen.programmeId);
    const row = await fundsRepository.lockApplication(trx, deps.dialect, id);
    if (!programme || !row) throw notFound();
    if (step === 'preliminary' && ctx.user.unitId !== row.reviewUnitId) throw forbidden();
    if (row.status !== step) throw conflict('status', 'err.fund.not_at_step', { status: row.status });
    const now = deps.clock.now().toISOString();
    const requested = Number(row.requestedFen);
    if (body.amountFen !== undefined && body.amountFen > requested)
      throw fieldError({ amountFen: { key: 'err.fund.over_request', params: { requested: yuan(requested) } } });
    await finishTask(trx, deps, ctx, row.taskId, body.decision === 'pass' ? '审核通过' : `退回：${body.reason}`, 'task.fund_step_done');
    if (body.decision === 'return') {
      const changes = { status: 'returned', taskId: null, updatedAt: now };
      await fundsRepository.updateApplication(trx, id, changes);
      await addEvent(trx, deps, ctx, id, `${step}_return`, body.reason);
      await recordAudit(trx, deps, ctx, {
        action: `fund_application.return`,
        entityType: 'fund_application',
        entityId: id,
        before: row,
        after: { step, ...changes, reason: body.reason },
      });
      await tellFirm(trx, deps, ctx, row, `被退回（${body.reason}）`, `returned (${body.reason})`);
      return;
    }
    const next = nextStatus(step);
    if (next !== 'approved') {
      const recommendedFen = step === 'office' ? (body.amountFen ?? requested) : row.recommendedFen;
      const taskId = await stepTask(trx, deps, ctx, row, next as ReviewStep);
      const changes = { status: next, taskId, recommendedFen, updatedAt: now };
      await fundsRepository.updateApplication(trx, id, changes);
      await addEvent(trx, deps, ctx, id, `${step}_pass`, body.reason || (step === 'office' ? `建议金额 ${yuan(Number(recommendedFen))} 元` : ''));
      await recordAudit(trx, deps, ctx, { action: `fund_application.${step}_pass`, entityType: 'fund_application', entityId: id, before: row, after: changes });
      return;
    }
    const amount = body.amountFen ?? Number(row.recommendedFen ?? requested);
    const fit = fitsBudget(Number(programme.budgetFen), Number(programme.approvedFen), amount);
    if (!fit.ok) throw conflict('amountFen', 'err.fund.over_budget', { remaining: yuan(fit.remainingFen) });
    const approvedTotal = Number(programme.approvedFen) + amount;
    await fundsRepository.updateProgramme(trx, programme.id, { approvedFen: approvedTotal, updatedAt: now });
    const changes = { status: 'approved', approvedFen: amount, approvedDate: day, taskId: null, updatedAt: now };
    await fundsRepository.updateApplication(trx, id, changes);
    await addEvent(trx, deps, ctx, id, 'approved', `核定 ${yuan(amount)} 元${body.reason ? `：${body.reason}` : ''}`);
    await recordAudit(trx, deps, ctx, {
      action: 'fund_application.approve',
      entityType: 'fund_application',
      entityId: id,
      before: row,
      after: { ...changes, programmeApprovedFen: approvedTotal, programmeBudgetFen: Number(programme.budgetFen) },
    });
    await tellFirm(trx, deps, ctx, row, `已核定 ${yuan(amount)} 元`, `approved: ${yuan(amount)} yuan`);
  });
  return getApplication(deps, ctx, id);
}

/** Whether the caller is the reviewer of the step an application waits at. */
function reviewsStep(ctx: UserContext, row: { status: string; reviewUnitId: number }): boolean {
  const p = ctx.user.permissions;
  if (row.status === 'preliminary') return p.has('fund:review') && ctx.user.unitId === row.reviewUnitId;
  if (row.status === 'office') return p.has('fund:manage');
  if (row.status === 'leader') return p.has('fund:approve');
  return false;
}

/**
 * A final refusal (不予支持) by the reviewer of the step the application waits at: the step's task is finished, the
 * application is `rejected` for good, the firm is told the reason. Nothing was approved, so the budget is untouched.
 * Another unit's reviewer, or anyone not reviewing this step, gets 403; an application not under review, 409.
 */
export async function rejectApplication(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof rejectBody>): Promise<FundApplication> {
  requirePermission(ctx, 'fund:read');
  await events.transaction(deps, async (trx) => {
    await findInScope(trx, ctx, id);
    const row = await fundsRepository.lockApplication(trx, deps.dialect, id);
    if (!row) throw notFound();
    const step = row.status as ReviewStep;
    if (!['preliminary', 'office', 'leader'].includes(step)) {
      if (!(ctx.user.permissions.has('fund:review') || ctx.user.permissions.has('fund:manage') || ctx.user.permissions.has('fund:approve'))) throw forbidden();
      throw conflict('status', 'err.fund.not_at_step', { status: row.status });
    }
    if (!reviewsStep(ctx, row)) throw forbidden();
    await finishTask(trx, deps, ctx, row.taskId, `不予支持：${body.reason}`, 'task.fund_step_done');
    const changes = { status: 'rejected', taskId: null, updatedAt: deps.clock.now().toISOString() };
    await fundsRepository.updateApplication(trx, id, changes);
    await addEvent(trx, deps, ctx, id, `${step}_reject`, body.reason);
    await recordAudit(trx, deps, ctx, {
      action: 'fund_application.reject',
      entityType: 'fund_application',
      entityId: id,
      before: row,
      after: { step, ...changes, reason: body.reason },
    });
    await tellFirm(trx, deps, ctx, row, `未通过（${body.reason}）`, `rejected (${body.reason})`);
  });
  return getApplication(deps, ctx, id);
}

/** A returned application goes back to its preliminary review, corrected by the firm (or the office on its behalf). */
export async function resubmitApplication(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof resubmitBody>): Promise<FundApplication> {
  requirePermission(ctx, 'fund:read');
  await events.transaction(deps, async (trx) => {
    const seen = await findInScope(trx, ctx, id);
    const row = await fundsRepository.lockApplication(trx, deps.dialect, id);
    if (!row) throw notFound();
    if (!(ctx.user.permissions.has('fund:manage') || (ctx.user.permissions.has('fund:apply') && ctx.user.enterpriseId === row.enterpriseId))) throw forbidden();
    if (row.status !== 'returned') throw conflict('status', 'err.fund.not_returned');
    const category = await fundsRepository.category(trx, row.categoryId);
    if (!category) throw notFound();
    const investmentFen = body.investmentFen === undefined ? (row.investmentFen === null ? null : Number(row.investmentFen)) : body.investmentFen;
    const rule = ruleOf(category);
    if (rule.kind === 'share' && investmentFen === null) throw fieldError({ investmentFen: 'err.fund.investment_required' });
    const requestedFen = awardAmount(rule, investmentFen);
    if (requestedFen <= 0) throw fieldError({ investmentFen: 'err.fund.zero_award' });
    const taskId = await stepTask(trx, deps, ctx, { ...row, title: seen.title }, 'preliminary');
    const changes = {
      status: 'preliminary',
      description: body.description ?? row.description,
      investmentFen,
      requestedFen,
      recommendedFen: null,
      taskId,
      updatedAt: deps.clock.now().toISOString(),
    };
    await fundsRepository.updateApplication(trx, id, changes);
    await addEvent(trx, deps, ctx, id, 'resubmitted', `重新提交（申请 ${yuan(requestedFen)} 元）`);
    await recordAudit(trx, deps, ctx, { action: 'fund_application.resubmit', entityType: 'fund_application', entityId: id, before: row, after: changes });
  });
  return getApplication(deps, ctx, id);
}

/**
 * A payment of an approved award, one of several perhaps. Under the programme's and the application's row locks
 * Σ disbursed ≤ approved holds; a payment that would exceed it is a 409 with what remains. Paid in full: `paid`.
 */
export async function disburse(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof disbursementBody>): Promise<FundApplication> {
  requirePermission(ctx, 'fund:disburse');
  const day = today(deps);
  if (body.paidDate > day) throw fieldError({ paidDate: 'err.fund.paid_future' });
  await events.transaction(deps, async (trx) => {
    const seen = await findInScope(trx, ctx, id);
    const programme = await fundsRepository.lockProgramme(trx, deps.dialect, seen.programmeId);
    const row = await fundsRepository.lockApplication(trx, deps.dialect, id);
    if (!programme || !row) throw notFound();
    if (row.approvedFen === null || (row.status !== 'approved' && row.status !== 'paid')) throw conflict('amountFen', 'err.fund.not_approved');
    const approved = Number(row.approvedFen);
    const fit = fitsDisbursement(approved, Number(row.disbursedFen), body.amountFen);
    if (!fit.ok) throw conflict('amountFen', 'err.fund.over_approved', { remaining: yuan(fit.remainingFen) });
    const now = deps.clock.now().toISOString();
    const disbursedFen = Number(row.disbursedFen) + body.amountFen;
    await fundsRepository.insertDisbursement(trx, { applicationId: id, ...body, createdBy: ctx.user.id, createdAt: now });
    const changes = { disbursedFen, status: disbursedFen === approved ? 'paid' : 'approved', updatedAt: now };
    await fundsRepository.updateApplication(trx, id, changes);
    await fundsRepository.updateProgramme(trx, programme.id, { disbursedFen: Number(programme.disbursedFen) + body.amountFen, updatedAt: now });
    await addEvent(trx, deps, ctx, id, 'disbursed', `拨付 ${yuan(body.amountFen)} 元${body.note ? `（${body.note}）` : ''}`);
    await recordAudit(trx, deps, ctx, {
      action: 'fund_application.disburse',
      entityType: 'fund_application',
      entityId: id,
      before: row,
      after: { ...body, ...changes },
    });
    await tellFirm(trx, deps, ctx, row, `已拨付 ${yuan(body.amountFen)} 元`, `${yuan(body.amountFen)} yuan paid`);
  });
  return getApplication(deps, ctx, id);
}

/** Budget, approved, disbursed and remaining per programme (of a year, or every year), with totals. */
export async function budgetOverview(
  deps: Deps,
  ctx: UserContext,
  year: number | undefined,
): Promise<{ items: BudgetRow[]; totals: Omit<BudgetRow, 'programme'> }> {
  requirePermission(ctx, 'fund:budget');
  const rows = await fundsRepository.budget(deps.db, year);
  const items = rows.map((r) => ({
    programme: { id: r.id, name: r.name, year: r.year, fund: r.fund as BudgetRow['programme']['fund'] },
    budgetFen: Number(r.budgetFen),
    approvedFen: Number(r.approvedFen),
    disbursedFen: Number(r.disbursedFen),
    remainingFen: remainingBudget(Number(r.budgetFen), Number(r.approvedFen)),
    applications: Number(r.applications),
    pending: Number(r.pending ?? 0),
  }));
  const sum = (k: 'budgetFen' | 'approvedFen' | 'disbursedFen' | 'remainingFen' | 'applications' | 'pending') => items.reduce((s, r) => s + r[k], 0);
  return {
    items,
    totals: {
      budgetFen: sum('budgetFen'),
      approvedFen: sum('approvedFen'),
      disbursedFen: sum('disbursedFen'),
      remainingFen: sum('remainingFen'),
      applications: sum('applications'),
      pending: sum('pending'),
    },
  };
}
