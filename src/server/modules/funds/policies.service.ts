import type { z } from 'zod';
import type {
  FundPolicy,
  confirmAwardsResponse,
  createPolicyBody,
  matchesResponse,
  myPoliciesResponse,
  policyListQuery,
  updatePolicyBody,
} from '../../../shared/modules/funds.schemas';
import { awardAmount, fitsBudget, programmeOpen } from '../../../shared/rules/funds-awards';
import { type Expr, type Facts, compile } from '../../../shared/rules/funds-eligibility';
import { requirePermission } from '../../core/access/access';
import type { UserContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Executor, Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { AppError, fieldError, notFound } from '../../core/http/errors';
import { notify } from '../../core/notifications/notifications.service';
import { countyDay } from '../../core/scheduler/scheduler';
import { fundsRepository } from './funds.repository';
import { getProgramme } from './funds.service';

const today = (deps: Pick<Deps, 'clock'>) => countyDay(deps.clock.now());
const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
type CategoryRow = NonNullable<Awaited<ReturnType<typeof fundsRepository.category>>>;
const ruleOf = (c: CategoryRow) =>
  c.ruleKind === 'fixed'
    ? ({ kind: 'fixed', amountFen: Number(c.amountFen ?? 0) } as const)
    : ({ kind: 'share', shareBp: Number(c.shareBp ?? 0), capFen: Number(c.capFen ?? 0) } as const);

/**
 * Every firm's facts as the eligibility rules read them. The profile gives industry, township, chains, 规上, 高新,
 * 专精特新 tier, R&D institution and employees; last year's output and tax and the 三大改造 library come from modules
 * not built yet, so they stay unknown and a rule that needs them finds no firm eligible (never a wrong one).
 */
async function factsOf(db: Executor, enterpriseId?: number) {
  const { firms, chains } = await fundsRepository.firmFacts(db, enterpriseId);
  const chainsOf = new Map<number, number[]>();
  for (const c of chains) chainsOf.set(c.enterpriseId, [...(chainsOf.get(c.enterpriseId) ?? []), c.chainUnitId]);
  return firms.map((f) => ({
    firm: f,
    facts: {
      industryCode: f.industryCode,
      townshipUnitId: f.townshipUnitId,
      chainUnitIds: chainsOf.get(f.id) ?? [],
      aboveScale: f.aboveScale === 1,
      highTech: f.highTech === 1,
      smeTier: f.smeTier,
      hasRdInstitution: f.rdInstitutions.trim() !== '',
      employees: f.employees,
    } satisfies Facts as Facts,
  }));
}

/** Which firms qualify (yes) and how many are undecided for want of a figure. */
async function match(db: Executor, expr: Expr) {
  const all = await factsOf(db);
  const test = compile(expr);
  const yes = [];
  let undecided = 0;
  for (const f of all) {
    const v = test(f.facts);
    if (v === 'yes') yes.push(f.firm);
    else if (v === 'unknown') undecided++;
  }
  return { yes, undecided };
}

async function checkTarget(db: Executor, programmeId: number, categoryId: number) {
  const programme = await fundsRepository.programme(db, programmeId);
  if (!programme) throw fieldError({ programmeId: 'err.fund.programme_unknown' });
  const category = await fundsRepository.category(db, categoryId);
  if (!category || category.programmeId !== programme.id) throw fieldError({ categoryId: 'err.fund.category_unknown' });
  return { programme, category };
}

async function describePolicies(
  db: Executor,
  rows: NonNullable<Awaited<ReturnType<typeof fundsRepository.policy>>>[],
  day: string,
  counts: boolean,
): Promise<FundPolicy[]> {
  const [programmes, categories] = await Promise.all([
    fundsRepository.programmesByIds(db, [...new Set(rows.map((r) => r.programmeId))]),
    fundsRepository.categoriesByIds(db, [...new Set(rows.map((r) => r.categoryId))]),
  ]);
  const facts = counts ? await factsOf(db) : [];
  return rows.map((r) => {
    const p = programmes.find((x) => x.id === r.programmeId);
    const c = categories.find((x) => x.id === r.categoryId) as CategoryRow;
    const eligibility = JSON.parse(r.eligibility) as Expr;
    const test = compile(eligibility);
    return {
      id: r.id,
      name: r.name,
      summary: r.summary,
      programme: { id: r.programmeId, name: p?.name ?? '', year: p?.year ?? 0, open: p ? programmeOpen(p, day) : false },
      category: {
        id: c.id,
        programmeId: c.programmeId,
        name: c.name,
        ruleKind: c.ruleKind as 'fixed' | 'share',
        amountFen: c.amountFen === null ? null : Number(c.amountFen),
        shareBp: c.shareBp,
        capFen: c.capFen === null ? null : Number(c.capFen),
      },
      eligibility,
      autoGrant: r.autoGrant === 1,
      active: r.active === 1,
      qualifying: counts ? facts.reduce((n, f) => (test(f.facts) === 'yes' ? n + 1 : n), 0) : null,
    };
  });
}

/** Policies with how many firms qualify now (the office); firms read them through their matched list. */
export async function listPolicies(deps: Deps, ctx: UserContext, query: z.infer<typeof policyListQuery>) {
  requirePermission(ctx, 'fund:manage');
  const { rows, total } = await fundsRepository.listPolicies(deps.db, query);
  return { items: await describePolicies(deps.db, rows, today(deps), true), total, page: query.page, pageSize: query.pageSize };
}

export async function getPolicy(deps: Deps, ctx: UserContext, id: number): Promise<FundPolicy> {
  requirePermission(ctx, 'fund:manage');
  const row = await fundsRepository.policy(deps.db, id);
  if (!row) throw notFound();
  return (await describePolicies(deps.db, [row], today(deps), true))[0] as FundPolicy;
}

/** Tells the firms a policy newly applies to, on their portal and by their inbox. */
async function tellQualifying(trx: Trx, deps: Deps, ctx: UserContext, policy: { id: number; name: string; autoGrant: boolean }, firmIds: number[]) {
  if (policy.autoGrant || firmIds.length === 0) return;
  const users = (await Promise.all(firmIds.map((id) => fundsRepository.firmUserIds(trx, id)))).flat();
  await notify(trx, deps, {
    userIds: users.map((u) => u.id),
    exceptUserIds: [ctx.user.id],
    kind: 'fund.policy',
    title: { zh: `您的企业符合政策：${policy.name}，可在线申报`, en: `Your firm qualifies for ${policy.name}; apply online` },
    link: '/portal/funds',
    entityType: 'fund_policy',
    entityId: policy.id,
  });
}

/** The office writes a policy: its eligibility as data, the award category it pays from; qualifying firms are told. */
export async function createPolicy(deps: Deps, ctx: UserContext, body: z.infer<typeof createPolicyBody>): Promise<FundPolicy> {
  requirePermission(ctx, 'fund:manage');
  const id = await deps.db.transaction().execute(async (trx) => {
    await checkTarget(trx, body.programmeId, body.categoryId);
    const now = deps.clock.now().toISOString();
    const values = {
      ...body,
      eligibility: JSON.stringify(body.eligibility),
      autoGrant: body.autoGrant ? 1 : 0,
      active: body.active ? 1 : 0,
      createdBy: ctx.user.id,
      createdAt: now,
      updatedAt: now,
    };
    const id = await fundsRepository.insertPolicy(trx, values);
    await recordAudit(trx, deps, ctx, { action: 'fund_policy.create', entityType: 'fund_policy', entityId: id, after: values });
    if (body.active)
      await tellQualifying(
        trx,
        deps,
        ctx,
        { id, name: body.name, autoGrant: body.autoGrant },
        (await match(trx, body.eligibility)).yes.map((f) => f.id),
      );
    return id;
  });
  return getPolicy(deps, ctx, id);
}

export async function updatePolicy(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof updatePolicyBody>): Promise<FundPolicy> {
  requirePermission(ctx, 'fund:manage');
  await deps.db.transaction().execute(async (trx) => {
    const row = await fundsRepository.policy(trx, id);
    if (!row) throw notFound();
    const changes = {
      ...(body.name !== undefined && { name: body.name }),
      ...(body.summary !== undefined && { summary: body.summary }),
      ...(body.eligibility !== undefined && { eligibility: JSON.stringify(body.eligibility) }),
      ...(body.autoGrant !== undefined && { autoGrant: body.autoGrant ? 1 : 0 }),
      ...(body.active !== undefined && { active: body.active ? 1 : 0 }),
      updatedAt: deps.clock.now().toISOString(),
    };
    await fundsRepository.updatePolicy(trx, id, changes);
    await recordAudit(trx, deps, ctx, { action: 'fund_policy.update', entityType: 'fund_policy', entityId: id, before: row, after: { ...row, ...changes } });
  });
  return getPolicy(deps, ctx, id);
}

async function matchesOf(db: Executor, expr: Expr, category: CategoryRow, policyId: number | null) {
  const { yes, undecided } = await match(db, expr);
  const [units, awarded] = await Promise.all([
    fundsRepository.unitsByIds(db, [...new Set(yes.map((f) => f.townshipUnitId))]),
    policyId === null ? Promise.resolve(new Set<number>()) : fundsRepository.policyFirms(db, policyId),
  ]);
  const amountFen = awardAmount(ruleOf(category), null);
  const items = yes.map((f) => {
    const u = units.find((x) => x.id === f.townshipUnitId);
    return {
      enterprise: { id: f.id, name: f.name },
      township: { id: f.townshipUnitId, nameZh: u?.nameZh ?? '', nameEn: u?.nameEn ?? '' },
      amountFen,
      awarded: awarded.has(f.id),
    };
  });
  return { qualifying: items.length, undecided, items, amountFen: items.filter((i) => !i.awarded).length * amountFen };
}

/** The firms an eligibility expression would select now, before the office saves it. */
export async function previewEligibility(deps: Deps, ctx: UserContext, expr: Expr, categoryId: number): Promise<z.infer<typeof matchesResponse>> {
  requirePermission(ctx, 'fund:manage');
  const category = await fundsRepository.category(deps.db, categoryId);
  if (!category) throw fieldError({ categoryId: 'err.fund.category_unknown' });
  return matchesOf(deps.db, expr, category, null);
}

/** A policy's qualifying firms; for a 免申即享 policy this is the drafted award list the office confirms. */
export async function policyMatches(deps: Deps, ctx: UserContext, id: number): Promise<z.infer<typeof matchesResponse>> {
  requirePermission(ctx, 'fund:manage');
  const row = await fundsRepository.policy(deps.db, id);
  if (!row) throw notFound();
  const category = await fundsRepository.category(deps.db, row.categoryId);
  if (!category) throw notFound();
  return matchesOf(deps.db, JSON.parse(row.eligibility) as Expr, category, id);
}

/** The active policies the caller's firm qualifies for, with the programme to apply to (its portal). */
export async function myPolicies(deps: Deps, ctx: UserContext): Promise<z.infer<typeof myPoliciesResponse>> {
  requirePermission(ctx, 'fund:apply');
  const firmId = ctx.user.enterpriseId;
  if (firmId === null) return { items: [] };
  const [[mine], policies, applied] = await Promise.all([
    factsOf(deps.db, firmId),
    fundsRepository.activePolicies(deps.db),
    fundsRepository.firmPolicies(deps.db, firmId),
  ]);
  if (!mine) return { items: [] };
  const items = [];
  for (const p of policies) {
    if (compile(JSON.parse(p.eligibility) as Expr)(mine.facts) !== 'yes') continue;
    items.push({
      policy: { id: p.id, name: p.name, summary: p.summary, autoGrant: p.autoGrant === 1 },
      programme: await getProgramme(deps, ctx, p.programmeId),
      categoryId: p.categoryId,
      applied: applied.has(p.id),
    });
  }
  return { items };
}

/**
 * 免申即享: the office confirms the drafted list, and each qualifying firm not yet awarded gets an approved award of the
 * category's amount, without applying. The whole list fits the programme's remaining budget or nothing is granted
 * (409 with what remains); the programme row is locked as for any approval.
 */
export async function confirmAwards(deps: Deps, ctx: UserContext, id: number): Promise<z.infer<typeof confirmAwardsResponse>> {
  requirePermission(ctx, 'fund:manage');
  const day = today(deps);
  return deps.db.transaction().execute(async (trx) => {
    const policy = await fundsRepository.policy(trx, id);
    if (!policy) throw notFound();
    if (policy.autoGrant !== 1) throw new AppError('CONFLICT', {}, { autoGrant: { key: 'err.fund.not_auto_grant' } });
    if (policy.active !== 1) throw new AppError('CONFLICT', {}, { active: { key: 'err.fund.policy_inactive' } });
    const programme = await fundsRepository.lockProgramme(trx, deps.dialect, policy.programmeId);
    const category = await fundsRepository.category(trx, policy.categoryId);
    if (!programme || !category) throw notFound();
    const { items } = await matchesOf(trx, JSON.parse(policy.eligibility) as Expr, category, id);
    const todo = items.filter((i) => !i.awarded && i.amountFen > 0);
    const total = todo.reduce((s, i) => s + i.amountFen, 0);
    if (todo.length === 0) return { granted: 0, amountFen: 0 };
    const fit = fitsBudget(Number(programme.budgetFen), Number(programme.approvedFen), total);
    if (!fit.ok) throw new AppError('CONFLICT', {}, { amountFen: { key: 'err.fund.over_budget', params: { remaining: yuan(fit.remainingFen) } } });
    const now = deps.clock.now().toISOString();
    for (const i of todo) {
      const appId = await fundsRepository.insertApplication(trx, {
        programmeId: programme.id,
        categoryId: category.id,
        enterpriseId: i.enterprise.id,
        townshipUnitId: i.township.id,
        reviewUnitId: programme.reviewUnitId ?? i.township.id,
        title: `${policy.name}（免申即享）`,
        description: '',
        investmentFen: null,
        requestedFen: i.amountFen,
        recommendedFen: i.amountFen,
        approvedFen: i.amountFen,
        disbursedFen: 0,
        status: 'approved',
        taskId: null,
        submittedDate: day,
        approvedDate: day,
        policyId: policy.id,
        createdBy: ctx.user.id,
        createdAt: now,
        updatedAt: now,
      });
      await fundsRepository.addEvent(trx, {
        applicationId: appId,
        at: now,
        kind: 'approved',
        userId: ctx.user.id,
        unitId: ctx.user.unitId,
        text: `免申即享：核定 ${yuan(i.amountFen)} 元`,
      });
      const users = await fundsRepository.firmUserIds(trx, i.enterprise.id);
      await notify(trx, deps, {
        userIds: users.map((u) => u.id),
        kind: 'fund.status',
        title: { zh: `${policy.name}：免申即享，已核定 ${yuan(i.amountFen)} 元`, en: `${policy.name}: granted without application, ${yuan(i.amountFen)} yuan` },
        link: `/funds/applications/${appId}`,
        entityType: 'fund_application',
        entityId: appId,
      });
    }
    await fundsRepository.updateProgramme(trx, programme.id, { approvedFen: Number(programme.approvedFen) + total, updatedAt: now });
    await recordAudit(trx, deps, ctx, {
      action: 'fund_policy.confirm_awards',
      entityType: 'fund_policy',
      entityId: id,
      after: { granted: todo.length, amountFen: total, firms: todo.map((i) => i.enterprise.id), programmeApprovedFen: Number(programme.approvedFen) + total },
    });
    return { granted: todo.length, amountFen: total };
  });
}
