import type { z } from 'zod';
import type { Correction, CorrectableField, correctionListQuery, proposeCorrectionBody } from '../../../shared/modules/services.schemas';
import { maskIdNumber, maskPhone } from '../../../shared/rules/pii-mask';
import { type Scope, requirePermission, scopeFor, scopeIncludes } from '../../core/access/access';
import type { UserContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Executor } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { enterprisesRepository } from '../../core/enterprises/enterprises.repository';
import { patchEnterprise } from '../../core/enterprises/enterprises.service';
import { AppError, notFound } from '../../core/http/errors';
import { notify } from '../../core/notifications/notifications.service';
import { portalRepository } from './portal.repository';
import { servicesRepository } from './services.repository';

type Changes = z.infer<typeof proposeCorrectionBody>['changes'];
type Row = NonNullable<Awaited<ReturnType<typeof portalRepository.correction>>>;
const decided = () => new AppError('CONFLICT', {}, { status: { key: 'err.service.correction_decided' } });
const none = (enterpriseId: number | null = null): Scope => ({ all: false, unitIds: [], ownUserId: null, enterpriseId });
const staffOnly = (s: Scope): Scope => (s.all ? s : { ...s, enterpriseId: null });

/** The profile's current values of the fields a correction names. */
async function currentValues(db: Executor, enterpriseId: number, fields: CorrectableField[]) {
  const row = await enterprisesRepository.findById(db, enterpriseId, { all: true });
  if (!row) throw notFound();
  const contacts = fields.includes('contacts') ? await enterprisesRepository.contactsOf(db, [enterpriseId]) : [];
  const values: Record<string, unknown> = {};
  for (const f of fields)
    values[f] = f === 'contacts' ? contacts.map((c) => ({ name: c.name, position: c.position, phone: c.phone, idNumber: c.idNumber })) : row[f];
  return values;
}

/** Contacts' phone and ID numbers as the caller may see them: the firm its own words, staff without `enterprise:pii` masked. */
function shown(values: Record<string, unknown>, pii: boolean) {
  if (pii || !Array.isArray(values.contacts)) return values;
  return {
    ...values,
    contacts: (values.contacts as { phone: string; idNumber: string }[]).map((c) => ({ ...c, phone: maskPhone(c.phone), idNumber: maskIdNumber(c.idNumber) })),
  };
}

async function describeRows(db: Executor, ctx: UserContext, rows: Row[]): Promise<Correction[]> {
  const units = await servicesRepository.unitsByIds(db, [...new Set(rows.map((r) => r.townshipUnitId))]);
  const decide = ctx.user.permissions.has('enterprise:write') ? await scopeFor(db, ctx.user, 'enterprise:write') : none();
  const firm = (r: Row) => ctx.user.enterpriseId === r.enterpriseId;
  const pii = ctx.user.permissions.has('enterprise:pii');
  return rows.map((r) => {
    const u = units.find((x) => x.id === r.townshipUnitId);
    return {
      id: r.id,
      enterprise: { id: r.enterpriseId, name: r.enterpriseName },
      township: { id: r.townshipUnitId, nameZh: u?.nameZh ?? '', nameEn: u?.nameEn ?? '' },
      changes: shown(JSON.parse(r.changes), pii || firm(r)),
      before: shown(JSON.parse(r.previous), pii),
      note: r.note,
      status: r.status as Correction['status'],
      reason: r.reason,
      createdAt: r.createdAt,
      decidedAt: r.decidedAt,
      canDecide: r.status === 'pending' && ctx.user.enterpriseId === null && scopeIncludes(decide, r.townshipUnitId),
    };
  });
}

/** The firm proposes corrections of its own profile (whitelisted fields); its township is told. One pending at a time. */
export async function proposeCorrection(deps: Deps, ctx: UserContext, body: z.infer<typeof proposeCorrectionBody>): Promise<Correction> {
  requirePermission(ctx, 'service:submit');
  const enterpriseId = ctx.user.enterpriseId;
  if (enterpriseId === null) throw notFound();
  const id = await deps.db.transaction().execute(async (trx) => {
    const firm = await servicesRepository.enterprise(trx, enterpriseId, { all: true });
    if (!firm) throw notFound();
    const pending = await portalRepository.corrections(trx, { status: 'pending', page: 1, pageSize: 1, order: 'desc' }, none(enterpriseId));
    if (pending.total > 0) throw new AppError('CONFLICT', {}, { changes: { key: 'err.service.correction_pending' } });
    const changes: Changes = body.changes;
    const previous = await currentValues(trx, enterpriseId, Object.keys(changes) as CorrectableField[]);
    const values = {
      enterpriseId,
      townshipUnitId: firm.townshipUnitId,
      changes: JSON.stringify(changes),
      previous: JSON.stringify(previous),
      note: body.note,
      status: 'pending',
      reason: null,
      proposedBy: ctx.user.id,
      decidedBy: null,
      decidedAt: null,
      createdAt: deps.clock.now().toISOString(),
    };
    const id = await portalRepository.insertCorrection(trx, values);
    await recordAudit(trx, deps, ctx, { action: 'service_correction.propose', entityType: 'service_correction', entityId: id, after: { ...values, changes } });
    await notify(trx, deps, {
      unitIds: [firm.townshipUnitId],
      kind: 'service.correction',
      title: { zh: `企业提交了档案修改：${firm.name}`, en: `A firm proposed corrections to its profile: ${firm.name}` },
      link: '/services/corrections',
      entityType: 'service_correction',
      entityId: id,
      unitPermission: 'enterprise:write',
    });
    return id;
  });
  return correctionOf(deps, ctx, id);
}

/** Corrections in the caller's scope: the firm its own, a township its firms', the office every firm's. */
export async function listCorrections(deps: Deps, ctx: UserContext, query: z.infer<typeof correctionListQuery>) {
  requirePermission(ctx, 'service:read');
  const { rows, total } = await portalRepository.corrections(deps.db, query, await readScope(deps.db, ctx));
  return { items: await describeRows(deps.db, ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

// Staff see the corrections of the firms whose profile they may write (the township, the office); a firm its own.
async function readScope(db: Executor, ctx: UserContext): Promise<Scope> {
  if (ctx.user.enterpriseId !== null) return none(ctx.user.enterpriseId);
  return ctx.user.permissions.has('enterprise:write') ? staffOnly(await scopeFor(db, ctx.user, 'enterprise:write')) : none();
}

async function correctionOf(deps: Deps, ctx: UserContext, id: number) {
  const row = await portalRepository.correction(deps.db, id, await readScope(deps.db, ctx));
  if (!row) throw notFound();
  return (await describeRows(deps.db, ctx, [row]))[0];
}

export async function getCorrection(deps: Deps, ctx: UserContext, id: number) {
  requirePermission(ctx, 'service:read');
  return correctionOf(deps, ctx, id);
}

async function pendingToDecide(db: Executor, ctx: UserContext, id: number): Promise<Row> {
  const scope = await scopeFor(db, ctx.user, 'enterprise:write');
  const row = await portalRepository.correction(db, id, staffOnly(scope));
  if (!row || ctx.user.enterpriseId !== null) throw notFound();
  if (row.status !== 'pending') throw decided();
  return row;
}

/**
 * The firm's township accepts: exactly the proposed fields are written through the 一企一档 service's own edit
 * (permission, scope, checks, audit `enterprise.update`) in the same transaction as the decision; the firm is told.
 */
export async function acceptCorrection(deps: Deps, ctx: UserContext, id: number): Promise<Correction> {
  requirePermission(ctx, 'enterprise:write');
  await deps.db.transaction().execute(async (trx) => {
    const row = await pendingToDecide(trx, ctx, id);
    const changes = { status: 'accepted', decidedBy: ctx.user.id, decidedAt: deps.clock.now().toISOString() };
    if (!(await portalRepository.decideCorrection(trx, id, changes))) throw decided();
    await patchEnterprise(trx, deps, ctx, row.enterpriseId, JSON.parse(row.changes) as Changes);
    await recordAudit(trx, deps, ctx, {
      action: 'service_correction.accept',
      entityType: 'service_correction',
      entityId: id,
      before: { status: row.status },
      after: changes,
    });
    await tellFirm(trx, deps, row, { zh: '企业档案修改已采纳', en: 'Your profile corrections were accepted' });
  });
  return correctionOf(deps, ctx, id);
}

/** The firm's township refuses with a reason; the profile is left as it was. */
export async function refuseCorrection(deps: Deps, ctx: UserContext, id: number, reason: string): Promise<Correction> {
  requirePermission(ctx, 'enterprise:write');
  await deps.db.transaction().execute(async (trx) => {
    const row = await pendingToDecide(trx, ctx, id);
    const changes = { status: 'refused', reason, decidedBy: ctx.user.id, decidedAt: deps.clock.now().toISOString() };
    if (!(await portalRepository.decideCorrection(trx, id, changes))) throw decided();
    await recordAudit(trx, deps, ctx, {
      action: 'service_correction.refuse',
      entityType: 'service_correction',
      entityId: id,
      before: { status: row.status },
      after: changes,
    });
    await tellFirm(trx, deps, row, { zh: `企业档案修改未采纳：${reason}`, en: `Your profile corrections were not accepted: ${reason}` });
  });
  return correctionOf(deps, ctx, id);
}

async function tellFirm(trx: Parameters<typeof notify>[0], deps: Deps, row: Row, title: { zh: string; en: string }) {
  await notify(trx, deps, {
    userIds: await servicesRepository.firmUserIds(trx, row.enterpriseId),
    kind: 'service.correction_decided',
    title,
    link: '/portal/profile',
    entityType: 'service_correction',
    entityId: row.id,
  });
}
