import type { z } from 'zod';
import {
  type DECLINE_REASONS,
  type FinancingMeeting,
  type FinancingStats,
  type Match,
  type MatchListQuery,
  type MatchOutcome,
  type Need,
  type NeedListItem,
  type NeedListQuery,
  type NeedStatus,
  type Product,
  type ProductListQuery,
  type StatsRow,
  type UnitBrief,
  URGENCY_DAYS,
  type closeNeedBody,
  type createNeedBody,
  type createProductBody,
  type FinancingPanel,
  type financingStatsQuery,
  type needBanksBody,
  type outcomeBody,
  type updateNeedBody,
  type updateProductBody,
} from '../../../shared/modules/financing.schemas';
import { type Scope, requirePermission, scopeFor, scopeIfHeld } from '../../core/access/access';
import { type UserContext, systemContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import { workingDaysFromTo } from '../../core/calendar/calendar.service';
import type { Executor, Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { events } from '../../core/events/events';
import { usersRepository } from '../../core/users/users.repository';
import type { AttachmentOwner } from '../../core/attachments/owners';
import { AppError, fieldError, notFound } from '../../core/http/errors';
import { notify } from '../../core/notifications/notifications.service';
import { type Job, countyDay } from '../../core/scheduler/scheduler';
import { createTask, finishTask } from '../../core/tasks/tasks.service';
import { type MeetingBrief, meetingOfKind, meetingUnitIds, meetingsByIds, meetingsOfKind } from '../meetings';
import { OPEN, firmOf, isBank, needActions } from './financing.policy';
import { type MatchRow, type NeedFilter, type NeedRow, financingRepository as repo } from './financing.repository';

export const MEETING_KIND = 'matchmaking';
const MODULE = 'financing';
const today = (deps: Pick<Deps, 'clock'>) => countyDay(deps.clock.now());
const conflict = () => new AppError('CONFLICT', {}, { status: { key: 'err.financing.closed' } });
const needLink = (id: number) => `/financing/needs/${id}`;

const readScope = (db: Executor, ctx: UserContext) => scopeFor(db, ctx.user, 'financing:read');

async function unitNames(db: Executor, ids: number[]): Promise<(id: number) => UnitBrief> {
  const units = await repo.unitsByIds(db, [...new Set(ids)]);
  return (id) => {
    const u = units.find((x) => x.id === id);
    return { id, nameZh: u?.nameZh ?? '', nameEn: u?.nameEn ?? '' };
  };
}

// ---- Banks and products ----------------------------------------------------------------------------------------

/** The active bank branches (units of kind bank): the banks a firm may share its need with. */
export async function listBanks(deps: Deps, ctx: UserContext) {
  requirePermission(ctx, 'financing:read');
  return repo.banks(deps.db);
}

/** A bank sees and edits its own products; everyone else reads every bank's. */
async function productScope(db: Executor, ctx: UserContext): Promise<Scope> {
  return isBank(ctx) ? scopeFor(db, ctx.user, 'financing:bank') : { all: true };
}

type ProductRow = NonNullable<Awaited<ReturnType<typeof repo.product>>>;
function productOf(ctx: UserContext, r: ProductRow): Product {
  return {
    id: r.id,
    bank: { id: r.bankUnitId, nameZh: r.bankNameZh, nameEn: r.bankNameEn },
    name: r.name,
    type: r.type as Product['type'],
    minAmountFen: Number(r.minAmountFen),
    maxAmountFen: Number(r.maxAmountFen),
    termMonths: r.termMonths,
    rateMinBp: r.rateMinBp,
    rateMaxBp: r.rateMaxBp,
    conditions: r.conditions,
    contact: r.contact,
    active: r.active === 1,
    canEdit: isBank(ctx) && r.bankUnitId === ctx.user.unitId,
  };
}

export async function listProducts(deps: Deps, ctx: UserContext, query: ProductListQuery) {
  requirePermission(ctx, 'financing:read');
  const { rows, total } = await repo.listProducts(deps.db, query, await productScope(deps.db, ctx));
  return { items: rows.map((r) => productOf(ctx, r)), total, page: query.page, pageSize: query.pageSize };
}

export async function allProducts(deps: Deps, ctx: UserContext, filter: Omit<ProductListQuery, 'page' | 'pageSize'>) {
  requirePermission(ctx, 'financing:read');
  return (await repo.allProducts(deps.db, filter, await productScope(deps.db, ctx))).map((r) => productOf(ctx, r));
}

function checkRanges(v: { minAmountFen?: number; maxAmountFen?: number; rateMinBp?: number; rateMaxBp?: number }) {
  const problems: Record<string, 'err.financing.range'> = {};
  if (v.minAmountFen !== undefined && v.maxAmountFen !== undefined && v.maxAmountFen < v.minAmountFen) problems.maxAmountFen = 'err.financing.range';
  if (v.rateMinBp !== undefined && v.rateMaxBp !== undefined && v.rateMaxBp < v.rateMinBp) problems.rateMaxBp = 'err.financing.range';
  if (Object.keys(problems).length) throw fieldError(problems);
}

/** A bank adds a product of its own. */
export async function createProduct(deps: Deps, ctx: UserContext, body: z.infer<typeof createProductBody>): Promise<Product> {
  requirePermission(ctx, 'financing:bank');
  checkRanges(body);
  const id = await events.transaction(deps, async (trx) => {
    const bank = (await repo.banks(trx, [ctx.user.unitId]))[0];
    if (!bank) throw fieldError({ name: 'err.financing.not_bank' });
    const now = deps.clock.now().toISOString();
    const values = { ...body, bankUnitId: bank.id, active: body.active ? 1 : 0, createdAt: now, updatedAt: now };
    const id = await repo.insertProduct(trx, values);
    await recordAudit(trx, deps, ctx, { action: 'financing_product.create', entityType: 'financing_product', entityId: id, after: values });
    return id;
  });
  return getProduct(deps, ctx, id);
}

async function getProduct(deps: Deps, ctx: UserContext, id: number): Promise<Product> {
  const row = await repo.product(deps.db, id, await productScope(deps.db, ctx));
  if (!row) throw notFound();
  return productOf(ctx, row);
}

/** A bank edits one of its own products (another bank's is not found); a product is withdrawn by `active: false`. */
export async function updateProduct(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof updateProductBody>): Promise<Product> {
  requirePermission(ctx, 'financing:bank');
  await events.transaction(deps, async (trx) => {
    const before = await repo.product(trx, id, await scopeFor(trx, ctx.user, 'financing:bank'));
    if (!before) throw notFound();
    const merged = {
      minAmountFen: body.minAmountFen ?? Number(before.minAmountFen),
      maxAmountFen: body.maxAmountFen ?? Number(before.maxAmountFen),
      rateMinBp: body.rateMinBp ?? before.rateMinBp,
      rateMaxBp: body.rateMaxBp ?? before.rateMaxBp,
    };
    checkRanges(merged);
    const { active, ...rest } = body;
    const changes = { ...rest, ...(active === undefined ? {} : { active: active ? 1 : 0 }), updatedAt: deps.clock.now().toISOString() };
    await repo.updateProduct(trx, id, changes);
    await recordAudit(trx, deps, ctx, {
      action: 'financing_product.update',
      entityType: 'financing_product',
      entityId: id,
      before,
      after: { ...before, ...changes },
    });
  });
  return getProduct(deps, ctx, id);
}

// ---- Needs -----------------------------------------------------------------------------------------------------

function needItem(r: NeedRow, unit: (id: number) => UnitBrief): NeedListItem {
  return {
    id: r.id,
    enterprise: { id: r.enterpriseId, name: r.enterpriseName },
    townshipUnit: unit(r.townshipUnitId),
    ownerUnit: unit(r.ownerUnitId),
    amountFen: Number(r.amountFen),
    termMonths: r.termMonths,
    purpose: r.purpose,
    urgency: r.urgency as NeedListItem['urgency'],
    shareWithAll: r.shareWithAll === 1,
    status: r.status as NeedStatus,
    grantedFen: Number(r.grantedFen),
    receivedDate: r.receivedDate,
    loanDate: r.loanDate,
    workingDays: r.workingDays,
  };
}

async function describeNeeds(db: Executor, rows: NeedRow[]): Promise<NeedListItem[]> {
  const unit = await unitNames(
    db,
    rows.flatMap((r) => [r.townshipUnitId, r.ownerUnitId]),
  );
  return rows.map((r) => needItem(r, unit));
}

/** One page of the needs the caller may see: a firm its own, a bank those shared with it, a township its firms'. */
export async function listNeeds(deps: Deps, ctx: UserContext, query: NeedListQuery) {
  requirePermission(ctx, 'financing:read');
  const { rows, total } = await repo.listNeeds(deps.db, query, await readScope(deps.db, ctx));
  return { items: await describeNeeds(deps.db, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function allNeeds(deps: Deps, ctx: UserContext, filter: NeedFilter) {
  requirePermission(ctx, 'financing:read');
  return describeNeeds(deps.db, await repo.allNeeds(deps.db, filter, await readScope(deps.db, ctx)));
}

type MeetingLookup = Map<number, MeetingBrief>;
/** The meetings these rows name, from the meetings module (financing never reads its tables). */
async function meetingLookup(db: Executor, ids: (number | null)[]): Promise<MeetingLookup> {
  const wanted = ids.filter((id): id is number => id !== null);
  return new Map((await meetingsByIds(db, wanted)).map((m) => [m.id, m]));
}

async function describeMatches(db: Executor, rows: MatchRow[]): Promise<Match[]> {
  const meetings = await meetingLookup(
    db,
    rows.map((r) => r.meetingId),
  );
  return rows.map((r) => matchOf(r, meetings));
}

/** The meetings whose lists a need is on, oldest first. */
async function needMeetings(db: Executor, needId: number) {
  const meetings = await meetingsByIds(db, await repo.needMeetingIds(db, needId));
  return meetings
    .sort((a, b) => a.meetingDate.localeCompare(b.meetingDate) || a.id - b.id)
    .map((m) => ({ id: m.id, title: m.title, meetingDate: m.meetingDate, status: m.status }));
}

/**
 * The banks taking part in each meeting: those the office named, or else the banks among the meeting's invited units
 * (a meeting its schedule created invites the banks of the schedule).
 */
async function meetingBanksOf(db: Executor, meetingIds: number[]): Promise<Map<number, UnitBrief[]>> {
  const named = await repo.namedMeetingBanks(db, meetingIds);
  const rest = meetingIds.filter((id) => !named.some((n) => n.meetingId === id));
  const invited = await meetingUnitIds(db, rest);
  const pairs = [...named.map((n) => ({ meetingId: n.meetingId, unitId: n.bankUnitId })), ...invited];
  const banks = await repo.banksAmong(
    db,
    pairs.map((p) => p.unitId),
  );
  return new Map(meetingIds.map((id) => [id, banks.filter((b) => pairs.some((p) => p.meetingId === id && p.unitId === b.id))]));
}
const meetingBanks = async (db: Executor, meetingId: number) => (await meetingBanksOf(db, [meetingId])).get(meetingId) ?? [];

function matchOf(r: MatchRow, meetings: MeetingLookup): Match {
  const meeting = r.meetingId === null ? undefined : meetings.get(r.meetingId);
  return {
    id: r.id,
    need: { id: r.needId, enterprise: { id: r.enterpriseId, name: r.enterpriseName }, amountFen: Number(r.needAmountFen) },
    bank: { id: r.bankUnitId, nameZh: r.bankNameZh, nameEn: r.bankNameEn },
    meeting: r.meetingId === null ? null : { id: r.meetingId, title: meeting?.title ?? '', meetingDate: meeting?.meetingDate ?? '' },
    product: r.productId === null ? null : { id: r.productId, name: r.productName ?? '' },
    outcome: r.outcome as MatchOutcome,
    amountFen: r.amountFen === null ? null : Number(r.amountFen),
    rateBp: r.rateBp,
    loanDate: r.loanDate,
    declineReason: r.declineReason as Match['declineReason'],
    note: r.note,
    workingDays: r.workingDays,
    updatedAt: r.updatedAt,
  };
}

/** One need with its banks, meetings and the matches the caller may see (a bank its own only). */
export async function getNeed(deps: Deps, ctx: UserContext, id: number): Promise<Need> {
  requirePermission(ctx, 'financing:read');
  const scope = await readScope(deps.db, ctx);
  const row = await repo.need(deps.db, id, scope);
  if (!row) throw notFound();
  const bank = isBank(ctx);
  const [bankIds, meetings, matches] = await Promise.all([
    repo.needBankIds(deps.db, id),
    needMeetings(deps.db, id),
    repo.allMatches(deps.db, { needId: id, order: 'asc' }, scope).then((rows) => describeMatches(deps.db, rows)),
  ]);
  const unit = await unitNames(deps.db, [row.townshipUnitId, row.ownerUnitId, ...bankIds]);
  const [consentBy] = row.consentBy === null ? [] : await usersRepository.namesOf(deps.db, [row.consentBy]);
  return {
    ...needItem(row, unit),
    collateral: row.collateral,
    contact: row.contact,
    failReason: row.failReason,
    consentAt: row.consentAt,
    consentBy: consentBy?.displayName ?? null,
    banks: bank ? [] : bankIds.map(unit),
    taskId: bank || firmOf(ctx) !== null ? null : row.taskId,
    meetings,
    matches,
    actions: needActions(ctx, row),
  };
}

/**
 * A new need. A firm records its own (its township is responsible); a township or service officer records one for a
 * firm in its scope (its own unit is responsible). The firm's consent to share it with the chosen banks is recorded,
 * the banks are told, and the responsible unit gets a 督办 task until the need is placed or closed.
 */
export async function createNeed(deps: Deps, ctx: UserContext, body: z.infer<typeof createNeedBody>): Promise<Need> {
  const firmId = firmOf(ctx);
  if (firmId === null) requirePermission(ctx, 'financing:handle');
  const id = await events.transaction(deps, async (trx) => {
    let enterprise: { id: number; name: string; townshipUnitId: number } | undefined;
    if (firmId !== null) {
      if (body.enterpriseId !== undefined && body.enterpriseId !== firmId) throw notFound();
      enterprise = await repo.enterprise(trx, firmId, { all: true });
      if (!enterprise) throw notFound();
    } else {
      if (body.enterpriseId === undefined) throw fieldError({ enterpriseId: 'err.required' });
      const scope = await scopeIfHeld(trx, ctx.user, 'enterprise:read');
      enterprise = await repo.enterprise(trx, body.enterpriseId, scope);
      if (!enterprise) throw fieldError({ enterpriseId: 'err.financing.enterprise_unknown' });
    }
    const active = await repo.banks(trx);
    let bankIds: number[];
    if (body.shareWithAll) bankIds = active.map((b) => b.id);
    else {
      bankIds = [...new Set(body.bankUnitIds)];
      if (!bankIds.length) throw fieldError({ bankUnitIds: 'err.financing.banks_required' });
      if (!bankIds.every((b) => active.some((a) => a.id === b))) throw fieldError({ bankUnitIds: 'err.financing.bank_unknown' });
    }
    const now = deps.clock.now().toISOString();
    const ownerUnitId = firmId !== null ? enterprise.townshipUnitId : ctx.user.unitId;
    const values = {
      enterpriseId: enterprise.id,
      townshipUnitId: enterprise.townshipUnitId,
      ownerUnitId,
      amountFen: body.amountFen,
      termMonths: body.termMonths,
      purpose: body.purpose,
      collateral: body.collateral,
      urgency: body.urgency,
      contact: body.contact,
      shareWithAll: body.shareWithAll ? 1 : 0,
      consentAt: now,
      consentBy: ctx.user.id,
      status: 'pending',
      failReason: null,
      receivedDate: today(deps),
      loanDate: null,
      workingDays: null,
      taskId: null,
      createdBy: ctx.user.id,
      createdAt: now,
      updatedAt: now,
    };
    const id = await repo.insertNeed(trx, values);
    await repo.setNeedBanks(trx, id, bankIds);
    const wan = (body.amountFen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
    const taskId = await createTask(trx, deps, ctx, {
      type: 'financing_need',
      title: `融资需求督办：${enterprise.name} ${wan} 万元`,
      description: body.purpose,
      source: { module: MODULE, recordId: id },
      enterpriseId: enterprise.id,
      ownerUnitId,
      createdByUnitId: ownerUnitId,
      dueInWorkingDays: URGENCY_DAYS[body.urgency],
    });
    await repo.updateNeed(trx, id, { taskId });
    await recordAudit(trx, deps, ctx, {
      action: 'financing_need.create',
      entityType: 'financing_need',
      entityId: id,
      after: { ...values, taskId, bankUnitIds: bankIds },
    });
    await notify(trx, deps, {
      unitIds: bankIds,
      kind: 'financing.need',
      title: { zh: `新的融资需求：${enterprise.name} ${wan} 万元`, en: `New financing need: ${enterprise.name}, ${wan} × 10k yuan` },
      link: needLink(id),
      entityType: 'financing_need',
      entityId: id,
    });
    return id;
  });
  return getNeed(deps, ctx, id);
}

/**
 * The firm (its own need) or the responsible unit corrects a need's particulars while no bank has approved credit yet
 * (待对接 or 对接中); after that the banks have decided on what was asked, so it is 409.
 */
export async function updateNeed(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof updateNeedBody>): Promise<Need> {
  const firmId = firmOf(ctx);
  if (firmId === null) requirePermission(ctx, 'financing:handle');
  await events.transaction(deps, async (trx) => {
    const scope = firmId !== null ? await readScope(trx, ctx) : await scopeFor(trx, ctx.user, 'financing:handle');
    const before = await repo.need(trx, id, scope);
    if (!before) throw notFound();
    if (before.status !== 'pending' && before.status !== 'matching') throw conflict();
    const changes = { ...body, updatedAt: deps.clock.now().toISOString() };
    await repo.updateNeed(trx, id, changes);
    await recordAudit(trx, deps, ctx, {
      action: 'financing_need.update',
      entityType: 'financing_need',
      entityId: id,
      before,
      after: { ...before, ...changes },
    });
  });
  return getNeed(deps, ctx, id);
}

/**
 * The need the caller may change: a firm its own (financing:submit), a township or service officer (or the office)
 * one in its financing:handle scope; a bank never. Not found otherwise.
 */
async function changeableNeed(trx: Trx, ctx: UserContext, id: number) {
  const firmId = firmOf(ctx);
  if (firmId === null) requirePermission(ctx, 'financing:handle');
  if (firmId === null && isBank(ctx)) throw notFound();
  const scope = firmId !== null ? await readScope(trx, ctx) : await scopeFor(trx, ctx.user, 'financing:handle');
  const row = await repo.need(trx, id, scope);
  if (!row || (firmId !== null && row.enterpriseId !== firmId)) throw notFound();
  return row;
}

/**
 * The firm or its responsible unit changes the banks an open need is shared with: all (every active bank now) or the
 * chosen ones. The firm's consent is recorded again (who, when); newly added banks are told; a removed bank no longer
 * finds the need. A bank that has already recorded an outcome for the need cannot be removed (409): its answer is part
 * of the need's record, its statistics and its state, and hiding it from that bank would leave an outcome it can no
 * longer update.
 */
export async function setNeedBanks(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof needBanksBody>): Promise<Need> {
  await events.transaction(deps, async (trx) => {
    const before = await changeableNeed(trx, ctx, id);
    if (!OPEN.includes(before.status as NeedStatus)) throw conflict();
    const active = await repo.banks(trx);
    let bankIds: number[];
    if (body.shareWithAll) bankIds = active.map((b) => b.id);
    else {
      bankIds = [...new Set(body.bankUnitIds)];
      if (!bankIds.length) throw fieldError({ bankUnitIds: 'err.financing.banks_required' });
      if (!bankIds.every((b) => active.some((a) => a.id === b))) throw fieldError({ bankUnitIds: 'err.financing.bank_unknown' });
    }
    const current = await repo.needBankIds(trx, id);
    const removed = current.filter((b) => !bankIds.includes(b));
    const added = bankIds.filter((b) => !current.includes(b));
    const answered = (await repo.matchesOfNeed(trx, id)).map((m) => m.bankUnitId).filter((b) => removed.includes(b));
    if (answered.length) {
      const names = await repo.unitsByIds(trx, answered);
      const banks = names.map((u) => (ctx.locale === 'en-US' ? u.nameEn : u.nameZh)).join(ctx.locale === 'en-US' ? ', ' : '、');
      throw new AppError('CONFLICT', {}, { bankUnitIds: { key: 'err.financing.bank_has_match', params: { banks } } });
    }
    const now = deps.clock.now().toISOString();
    const changes = { shareWithAll: body.shareWithAll ? 1 : 0, consentAt: now, consentBy: ctx.user.id, updatedAt: now };
    await repo.removeNeedBanks(trx, id, removed);
    await repo.setNeedBanks(trx, id, added);
    await repo.updateNeed(trx, id, changes);
    await recordAudit(trx, deps, ctx, {
      action: 'financing_need.banks',
      entityType: 'financing_need',
      entityId: id,
      before: { shareWithAll: before.shareWithAll, consentAt: before.consentAt, consentBy: before.consentBy, bankUnitIds: current },
      after: { ...changes, bankUnitIds: bankIds, added, removed },
    });
    if (added.length) {
      const wan = (Number(before.amountFen) / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
      await notify(trx, deps, {
        unitIds: added,
        kind: 'financing.need',
        title: { zh: `新的融资需求：${before.enterpriseName} ${wan} 万元`, en: `New financing need: ${before.enterpriseName}, ${wan} × 10k yuan` },
        link: needLink(id),
        entityType: 'financing_need',
        entityId: id,
      });
    }
  });
  return getNeed(deps, ctx, id);
}

/**
 * Files on a need (申请材料, 财务报表…): the firm and its township or responsible unit add and remove them while they
 * may see the need; the banks it is shared with and other readers in scope read them; anyone else finds no need.
 */
export const needAttachmentOwner: AttachmentOwner = {
  canRead: async (trx, ctx, ownerId) =>
    /^\d+$/.test(ownerId) && ctx.user.permissions.has('financing:read') && !!(await repo.need(trx, Number(ownerId), await readScope(trx, ctx))),
  canWrite: async (trx, ctx, ownerId) => {
    if (!/^\d+$/.test(ownerId) || isBank(ctx)) return false;
    const firmId = firmOf(ctx);
    if (firmId === null && !ctx.user.permissions.has('financing:handle')) return false;
    const scope = firmId !== null ? await readScope(trx, ctx) : await scopeFor(trx, ctx.user, 'financing:handle');
    const row = await repo.need(trx, Number(ownerId), scope);
    return !!row && (firmId === null || row.enterpriseId === firmId);
  },
};

/** The responsible unit (or the office) closes a need that could not be placed: 未成功, with the reason. */
export async function closeNeed(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof closeNeedBody>): Promise<Need> {
  requirePermission(ctx, 'financing:handle');
  await events.transaction(deps, async (trx) => {
    const row = await repo.need(trx, id, await scopeFor(trx, ctx.user, 'financing:handle'));
    if (!row) throw notFound();
    if (!OPEN.includes(row.status as NeedStatus)) throw conflict();
    const changes = { status: 'failed', failReason: body.reason, updatedAt: deps.clock.now().toISOString() };
    await repo.updateNeed(trx, id, changes);
    await finishTask(trx, deps, ctx, row.taskId, `融资需求未成功：${body.reason}`, 'task.financing_done');
    await recordAudit(trx, deps, ctx, { action: 'financing_need.close', entityType: 'financing_need', entityId: id, before: row, after: changes });
  });
  return getNeed(deps, ctx, id);
}

/**
 * A need's state from its meetings and matches: placed once any bank granted a loan, credited once any approved
 * credit, in matchmaking once on a meeting's list or answered by a bank, pending before. A closed need stays closed.
 */
async function refreshState(trx: Trx, deps: Deps, ctx: UserContext, need: NeedRow) {
  if (need.status === 'failed') return;
  const matches = await repo.matchesOfNeed(trx, need.id);
  const loans = matches.filter((m) => m.outcome === 'loan' && m.loanDate !== null);
  const onList = (await needMeetings(trx, need.id)).length > 0;
  let status: NeedStatus = 'pending';
  const changes: Record<string, unknown> = {};
  if (loans.length) {
    status = 'loaned';
    const first = loans.map((m) => m.loanDate as string).sort()[0];
    changes.loanDate = first;
    changes.workingDays = Math.max(0, await workingDaysFromTo(trx, need.receivedDate, first));
  } else if (matches.some((m) => m.outcome === 'credit')) status = 'credited';
  else if (matches.length || onList) status = 'matching';
  const grantedFen = loans.reduce((s, m) => s + Number(m.amountFen ?? 0), 0);
  if (!loans.length) Object.assign(changes, { loanDate: null, workingDays: null });
  if (status === need.status && grantedFen === Number(need.grantedFen) && changes.loanDate === need.loanDate) return;
  await repo.updateNeed(trx, need.id, { ...changes, status, grantedFen, updatedAt: deps.clock.now().toISOString() });
  if (status === 'loaned' && need.status !== 'loaned') {
    await finishTask(trx, deps, ctx, need.taskId, '融资需求已放款', 'task.financing_done');
    await notify(trx, deps, {
      unitIds: [need.ownerUnitId],
      kind: 'financing.loaned',
      title: { zh: `融资需求已放款：${need.enterpriseName}`, en: `Financing need placed: ${need.enterpriseName}` },
      link: needLink(need.id),
      entityType: 'financing_need',
      entityId: need.id,
    });
  }
}

/**
 * A bank records its outcome for a need shared with it: intention, credit approved (amount), loan granted (amount,
 * rate, date) or declined (reason). One match per need and bank, updated as it moves on. The amount cannot exceed
 * what the firm asked for, other banks' loans counted.
 */
export async function recordOutcome(deps: Deps, ctx: UserContext, needId: number, body: z.infer<typeof outcomeBody>): Promise<Need> {
  requirePermission(ctx, 'financing:bank');
  await events.transaction(deps, async (trx) => {
    const need = await repo.need(trx, needId, await readScope(trx, ctx));
    if (!need) throw notFound();
    if (need.status === 'failed') throw conflict();
    const bankUnitId = ctx.user.unitId;
    const problems: Record<string, Parameters<typeof fieldError>[0][string]> = {};
    const amountNeeded = body.outcome === 'credit' || body.outcome === 'loan';
    if (amountNeeded && body.amountFen === null) problems.amountFen = 'err.financing.amount_required';
    if (body.outcome === 'loan' && body.rateBp === null) problems.rateBp = 'err.financing.rate_required';
    if (body.outcome === 'loan' && body.loanDate === null) problems.loanDate = 'err.financing.loan_date_required';
    if (body.outcome === 'declined' && body.declineReason === null) problems.declineReason = 'err.financing.reason_required';
    const existing = await repo.matchOf(trx, needId, bankUnitId);
    if (amountNeeded && body.amountFen !== null) {
      const others = (await repo.matchesOfNeed(trx, needId))
        .filter((m) => m.bankUnitId !== bankUnitId && m.outcome === 'loan')
        .reduce((s, m) => s + Number(m.amountFen ?? 0), 0);
      if (body.amountFen + (body.outcome === 'loan' ? others : 0) > Number(need.amountFen)) problems.amountFen = 'err.financing.granted_above_requested';
    }
    if (body.productId !== null && !(await repo.product(trx, body.productId, { all: false, unitIds: [bankUnitId], ownUserId: null })))
      problems.productId = 'err.financing.product_unknown';
    if (body.meetingId !== null && !(await needMeetings(trx, needId)).some((m) => m.id === body.meetingId))
      problems.meetingId = 'err.financing.meeting_unknown';
    if (Object.keys(problems).length) throw fieldError(problems);
    const now = deps.clock.now().toISOString();
    const values = {
      meetingId: body.meetingId,
      productId: body.productId,
      outcome: body.outcome,
      amountFen: amountNeeded ? body.amountFen : null,
      rateBp: body.outcome === 'loan' || body.outcome === 'credit' ? body.rateBp : null,
      loanDate: body.outcome === 'loan' ? body.loanDate : null,
      declineReason: body.outcome === 'declined' ? body.declineReason : null,
      note: body.note,
      workingDays: body.outcome === 'loan' && body.loanDate ? Math.max(0, await workingDaysFromTo(trx, need.receivedDate, body.loanDate)) : null,
      updatedBy: ctx.user.id,
      updatedAt: now,
    };
    let matchId: number;
    if (existing) {
      matchId = existing.id;
      await repo.updateMatch(trx, existing.id, values);
    } else matchId = await repo.insertMatch(trx, { ...values, needId, bankUnitId, createdAt: now });
    await recordAudit(trx, deps, ctx, {
      action: 'financing_match.record',
      entityType: 'financing_match',
      entityId: matchId,
      before: existing,
      after: { needId, bankUnitId, ...values },
    });
    await refreshState(trx, deps, ctx, need);
  });
  return getNeed(deps, ctx, needId);
}

export async function listMatches(deps: Deps, ctx: UserContext, query: MatchListQuery) {
  requirePermission(ctx, 'financing:read');
  const { rows, total } = await repo.listMatches(deps.db, query, await readScope(deps.db, ctx));
  return { items: await describeMatches(deps.db, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function allMatches(deps: Deps, ctx: UserContext, filter: Omit<MatchListQuery, 'page' | 'pageSize'>) {
  requirePermission(ctx, 'financing:read');
  return describeMatches(deps.db, await repo.allMatches(deps.db, filter, await readScope(deps.db, ctx)));
}

// ---- Matchmaking meetings --------------------------------------------------------------------------------------

/**
 * The 政银企对接会 (meetings of kind matchmaking, scheduled by the meetings module) with their counts. Staff see them
 * all; a bank those it takes part in; a firm those with its needs on the list.
 */
export async function listFinancingMeetings(deps: Deps, ctx: UserContext) {
  requirePermission(ctx, 'financing:read');
  const meetings = await meetingsOfKind(deps.db, MEETING_KIND);
  const ids = meetings.map((m) => m.id);
  const [counts, banks] = await Promise.all([repo.meetingCounts(deps.db, ids), meetingBanksOf(deps.db, ids)]);
  const n = (rows: { meetingId: number | null; n: number }[], id: number) => Number(rows.find((r) => r.meetingId === id)?.n ?? 0);
  const visible = await visibleMeetingIds(deps.db, ctx, ids, banks);
  return meetings
    .filter((m) => visible.has(m.id))
    .map((m) => ({
      id: m.id,
      title: m.title,
      meetingDate: m.meetingDate,
      location: m.location,
      status: m.status,
      needs: n(counts.needs, m.id),
      banks: banks.get(m.id)?.length ?? 0,
      loans: n(counts.loans, m.id),
    }));
}

async function visibleMeetingIds(db: Executor, ctx: UserContext, ids: number[], known?: Map<number, UnitBrief[]>): Promise<Set<number>> {
  if (isBank(ctx)) {
    const banks = known ?? (await meetingBanksOf(db, ids));
    return new Set(ids.filter((id) => banks.get(id)?.some((b) => b.id === ctx.user.unitId)));
  }
  if (firmOf(ctx) !== null) {
    const scope = await readScope(db, ctx);
    const rows = await Promise.all(
      ids.map(async (id) => ((await repo.listNeeds(db, { meetingId: id, page: 1, pageSize: 1, order: 'asc' }, scope)).total ? id : 0)),
    );
    return new Set(rows.filter(Boolean));
  }
  return new Set(ids);
}

/** One meeting: the needs on its list (within the caller's scope), its banks, the firms those needs are from, the matches. */
export async function getFinancingMeeting(deps: Deps, ctx: UserContext, id: number): Promise<FinancingMeeting> {
  requirePermission(ctx, 'financing:read');
  const meeting = await meetingOfKind(deps.db, id, MEETING_KIND);
  if (!meeting || !(await visibleMeetingIds(deps.db, ctx, [id])).has(id)) throw notFound();
  const scope = await readScope(deps.db, ctx);
  const [needs, banks, matches, counts] = await Promise.all([
    repo.allNeeds(deps.db, { meetingId: id, order: 'asc' }, scope),
    meetingBanks(deps.db, id),
    repo.allMatches(deps.db, { meetingId: id, order: 'asc' }, scope).then((rows) => describeMatches(deps.db, rows)),
    repo.meetingCounts(deps.db, [id]),
  ]);
  const needList = await describeNeeds(deps.db, needs);
  const firms = [...new Map(needList.map((n) => [n.enterprise.id, n.enterprise])).values()];
  return {
    id: meeting.id,
    title: meeting.title,
    meetingDate: meeting.meetingDate,
    location: meeting.location,
    status: meeting.status,
    needs: Number(counts.needs[0]?.n ?? 0),
    banks: banks.length,
    loans: Number(counts.loans[0]?.n ?? 0),
    needList,
    bankList: banks,
    firms,
    matches,
  };
}

async function managedMeeting(db: Executor, ctx: UserContext, id: number) {
  requirePermission(ctx, 'financing:manage');
  const meeting = await meetingOfKind(db, id, MEETING_KIND);
  if (!meeting) throw notFound();
  return meeting;
}

/** The office puts open needs on a meeting's list; pending ones move to 对接中. */
export async function addMeetingNeeds(deps: Deps, ctx: UserContext, id: number, needIds: number[]): Promise<FinancingMeeting> {
  await managedMeeting(deps.db, ctx, id);
  await events.transaction(deps, async (trx) => {
    const scope = await readScope(trx, ctx);
    const rows = await Promise.all([...new Set(needIds)].map((n) => repo.need(trx, n, scope)));
    if (rows.some((r) => !r || !OPEN.includes(r.status as NeedStatus))) throw fieldError({ needIds: 'err.financing.need_unknown' });
    const added = await repo.addMeetingNeeds(trx, id, needIds, deps.clock.now().toISOString());
    for (const r of rows) if (r && added.includes(r.id)) await refreshState(trx, deps, ctx, r);
    await recordAudit(trx, deps, ctx, { action: 'financing_meeting.add_needs', entityType: 'meeting', entityId: id, after: { needIds: added } });
  });
  return getFinancingMeeting(deps, ctx, id);
}

/** The office takes a need off a meeting's list. */
export async function removeMeetingNeed(deps: Deps, ctx: UserContext, id: number, needId: number): Promise<FinancingMeeting> {
  await managedMeeting(deps.db, ctx, id);
  await events.transaction(deps, async (trx) => {
    if (!(await repo.removeMeetingNeed(trx, id, needId))) throw notFound();
    const need = await repo.need(trx, needId, { all: true });
    if (need) await refreshState(trx, deps, ctx, need);
    await recordAudit(trx, deps, ctx, { action: 'financing_meeting.remove_need', entityType: 'meeting', entityId: id, before: { needId } });
  });
  return getFinancingMeeting(deps, ctx, id);
}

/** The office names the banks taking part in a meeting. */
export async function setMeetingBanks(deps: Deps, ctx: UserContext, id: number, bankUnitIds: number[]): Promise<FinancingMeeting> {
  await managedMeeting(deps.db, ctx, id);
  await events.transaction(deps, async (trx) => {
    const ids = [...new Set(bankUnitIds)];
    if ((await repo.banks(trx, ids)).length !== ids.length) throw fieldError({ bankUnitIds: 'err.financing.bank_unknown' });
    const before = (await meetingBanks(trx, id)).map((b) => b.id);
    await repo.setMeetingBanks(trx, id, ids);
    await recordAudit(trx, deps, ctx, { action: 'financing_meeting.banks', entityType: 'meeting', entityId: id, before, after: ids });
  });
  return getFinancingMeeting(deps, ctx, id);
}

/** Carries the needs still unresolved from earlier meetings onto this one's list; returns how many were added. */
export async function carryOver(deps: Deps, ctx: UserContext, id: number): Promise<{ added: number }> {
  const meeting = await managedMeeting(deps.db, ctx, id);
  return events.transaction(deps, async (trx) => {
    const earlier = (await meetingsOfKind(trx, MEETING_KIND)).filter((m) => m.meetingDate < meeting.meetingDate).map((m) => m.id);
    const needIds = await repo.unresolvedFromEarlier(trx, earlier);
    const added = await repo.addMeetingNeeds(trx, id, needIds, deps.clock.now().toISOString());
    if (added.length)
      await recordAudit(trx, deps, ctx, { action: 'financing_meeting.carry_over', entityType: 'meeting', entityId: id, after: { needIds: added } });
    return { added: added.length };
  });
}

/**
 * Carries the needs still unresolved from earlier meetings onto each coming meeting whose list is still empty (the
 * meeting its schedule has just created); a list the office has started is left as it is. Returns the needs carried.
 */
export async function carryOverToComingMeetings(deps: Deps): Promise<number> {
  const day = today(deps);
  return events.transaction(deps, async (trx) => {
    const all = await meetingsOfKind(trx, MEETING_KIND);
    let carried = 0;
    for (const meeting of all.filter((m) => m.status === 'planned' && m.meetingDate >= day)) {
      if ((await repo.meetingNeedIds(trx, meeting.id)).length) continue;
      const earlier = all.filter((m) => m.meetingDate < meeting.meetingDate).map((m) => m.id);
      const added = await repo.addMeetingNeeds(trx, meeting.id, await repo.unresolvedFromEarlier(trx, earlier), deps.clock.now().toISOString());
      if (!added.length) continue;
      carried += added.length;
      await recordAudit(trx, deps, systemContext(), {
        action: 'financing_meeting.carry_over',
        entityType: 'meeting',
        entityId: meeting.id,
        after: { needIds: added },
      });
    }
    return carried;
  });
}

export const carryOverJob: Job = {
  name: 'financing.carry_over',
  // After the meetings module's 08:00 job has created the coming meeting.
  schedule: '30 8 * * *',
  period: countyDay,
  run: async (deps) => {
    const n = await carryOverToComingMeetings(deps);
    return n ? `${n} unresolved needs carried to the coming matchmaking meeting` : null;
  },
};

// ---- Statistics ------------------------------------------------------------------------------------------------

const num = (v: unknown) => Number(v ?? 0);

/**
 * Per meeting, bank, township or chain: needs received and placed, amounts requested and granted, the average working
 * days from need to loan, declines; and the decline reasons overall. Within the caller's scope (a bank its own).
 */
export async function financingStatistics(deps: Deps, ctx: UserContext, q: z.infer<typeof financingStatsQuery>): Promise<FinancingStats> {
  requirePermission(ctx, 'financing:read');
  const scope = await readScope(deps.db, ctx);
  const w = { from: q.from, to: q.to };
  type Acc = Omit<StatsRow, 'key' | 'avgWorkingDays'> & { workingDays: number };
  const acc = new Map<number, Acc>();
  const at = (key: number | null) => {
    const k = num(key);
    let a = acc.get(k);
    if (!a) {
      a = { received: 0, placed: 0, requestedFen: 0, grantedFen: 0, declined: 0, workingDays: 0 };
      acc.set(k, a);
    }
    return a;
  };
  if (q.by === 'bank') {
    const { received, outcomes } = await repo.statsByBank(deps.db, w, scope);
    for (const r of received) Object.assign(at(r.key), { received: num(r.received), requestedFen: num(r.requestedFen) });
    for (const r of outcomes)
      Object.assign(at(r.key), { placed: num(r.placed), grantedFen: num(r.grantedFen), workingDays: num(r.workingDays), declined: num(r.declined) });
  } else {
    const { received, declined } = q.by === 'meeting' ? await repo.statsByMeeting(deps.db, w, scope) : await repo.statsByNeed(deps.db, q.by, w, scope);
    for (const r of received)
      Object.assign(at(r.key), {
        received: num(r.received),
        placed: num(r.placed),
        requestedFen: num(r.requestedFen),
        grantedFen: num(r.grantedFen),
        workingDays: num(r.workingDays),
      });
    for (const r of declined) at(r.key).declined = num(r.declined);
  }
  const keys = [...acc.keys()];
  let name: (id: number) => UnitBrief;
  if (q.by === 'meeting') {
    const titles = await meetingLookup(deps.db, keys);
    name = (id) => {
      const m = titles.get(id);
      return { id, nameZh: m?.title ?? '', nameEn: m ? `${m.title} (${m.meetingDate})` : '' };
    };
  } else name = await unitNames(deps.db, keys);
  const items = keys
    .map((k) => {
      const { workingDays, ...a } = acc.get(k) as Acc;
      return { key: name(k), ...a, avgWorkingDays: a.placed ? Math.round((workingDays / a.placed) * 10) / 10 : null };
    })
    .sort((a, b) => b.received - a.received || a.key.id - b.key.id);
  const reasons = await repo.declineReasons(deps.db, w, scope);
  return {
    items,
    declineReasons: reasons
      .filter((r) => r.reason !== null)
      .map((r) => ({ reason: r.reason as (typeof DECLINE_REASONS)[number], count: num(r.count) }))
      .sort((a, b) => b.count - a.count),
  };
}

// ---- The cockpit's panel ---------------------------------------------------------------------------------------

/**
 * One year's financing at a glance for the cockpit (and the statistics page): needs received and placed, amounts
 * requested and granted, average working days from need to loan, the top three decline reasons — the same figures
 * as the statistics for that year's window, summed — and the coming 政银企对接会. Within the caller's scope.
 */
export async function financingPanel(deps: Deps, ctx: UserContext, year?: number): Promise<FinancingPanel> {
  requirePermission(ctx, 'financing:read');
  const day = today(deps);
  const y = year ?? Number(day.slice(0, 4));
  const w = { from: `${y}-01-01`, to: `${y}-12-31` };
  const scope = await readScope(deps.db, ctx);
  const [{ received }, reasons, meetings] = await Promise.all([
    repo.statsByNeed(deps.db, 'township', w, scope),
    repo.declineReasons(deps.db, w, scope),
    meetingsOfKind(deps.db, MEETING_KIND),
  ]);
  const sum = (k: 'received' | 'placed' | 'requestedFen' | 'grantedFen' | 'workingDays') => received.reduce((s, r) => s + num(r[k]), 0);
  const placed = sum('placed');
  const visible = await visibleMeetingIds(
    deps.db,
    ctx,
    meetings.filter((m) => m.status === 'planned' && m.meetingDate >= day).map((m) => m.id),
  );
  const next = meetings.filter((m) => visible.has(m.id)).sort((a, b) => a.meetingDate.localeCompare(b.meetingDate) || a.id - b.id)[0];
  return {
    year: y,
    received: sum('received'),
    placed,
    requestedFen: sum('requestedFen'),
    grantedFen: sum('grantedFen'),
    avgWorkingDays: placed ? Math.round((sum('workingDays') / placed) * 10) / 10 : null,
    declineReasons: reasons
      .filter((r) => r.reason !== null)
      .map((r) => ({ reason: r.reason as (typeof DECLINE_REASONS)[number], count: num(r.count) }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
      .slice(0, 3),
    nextMeeting: next ? { id: next.id, title: next.title, meetingDate: next.meetingDate } : null,
  };
}
