import type { z } from 'zod';
import { formatCountyTime } from '../../../shared/dates';
import type { Registration, confirmRegistrationBody, registerBody, registrationListQuery } from '../../../shared/modules/services.schemas';
import { requirePermission, scopeFor } from '../../core/access/access';
import type { RequestContext, UserContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import { checkNewPassword } from '../../core/auth/auth.service';
import { hashPassword } from '../../core/auth/password';
import { lockedUntil, recordFailure } from '../../core/auth/throttle';
import type { Executor } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { insertEnterprise } from '../../core/enterprises/enterprises.service';
import { AppError, fieldError, notFound } from '../../core/http/errors';
import { notify } from '../../core/notifications/notifications.service';
import { getSecuritySettings } from '../../core/settings/settings.service';
import { portalRepository } from './portal.repository';
import { servicesRepository } from './services.repository';
import { insertFirmUser } from './services.service';

// Registrations from one address: as many as a sign-in's failures before a lock, twice over (an office behind one
// NAT registers a few firms), within the same window.
const ADDRESS_FACTOR = 2;
const registerKey = (ip: string | null) => `register:${ip ?? 'unknown'}`;
const duplicate = () => new AppError('CONFLICT', {}, { uscc: { key: 'err.service.registration_duplicate' } });

/** The townships a firm may choose when it registers (public: the form is filled in before signing in). */
export async function registrationTownships(deps: Deps) {
  return portalRepository.townships(deps.db);
}

/**
 * A firm asks for a portal account (public, throttled per address like sign-in). Nothing but a pending registration
 * is written: no user, no firm. A credit code of a firm in 一企一档 links it (and its township decides); a firm that
 * already has an account, or a pending registration, is 409.
 */
export async function register(deps: Deps, ctx: RequestContext, body: z.infer<typeof registerBody>) {
  const now = deps.clock.now();
  const key = registerKey(ctx.ip);
  const throttled = await lockedUntil(deps.db, [key], now);
  if (throttled) throw new AppError('TOO_MANY_ATTEMPTS', { until: formatCountyTime(throttled) });
  const settings = await getSecuritySettings(deps.db);
  // Every attempt that reaches here counts, refused or not: the form must not serve to probe which firms have accounts.
  const locked = await recordFailure(deps.db, [{ key, limit: settings.lockoutAttempts * ADDRESS_FACTOR }], settings.lockoutMinutes, now);
  if (locked) throw new AppError('TOO_MANY_ATTEMPTS', { until: formatCountyTime(locked) });
  await checkNewPassword(deps, 'password', body.password, body.username);
  const passwordHash = await hashPassword(body.password);
  return deps.db.transaction().execute(async (trx) => {
    const problems: Record<string, 'err.township_unknown' | 'err.username_taken'> = {};
    if (!(await portalRepository.township(trx, body.townshipUnitId))) problems.townshipUnitId = 'err.township_unknown';
    if (await portalRepository.usernameTaken(trx, body.username)) problems.username = 'err.username_taken';
    if (Object.keys(problems).length) throw fieldError(problems);
    const firm = await portalRepository.firmByUscc(trx, body.uscc);
    if (firm && (await portalRepository.firmHasAccount(trx, firm.id))) throw duplicate();
    if (await portalRepository.pendingOfUscc(trx, body.uscc)) throw duplicate();
    const values = {
      firmName: body.firmName,
      uscc: body.uscc,
      // A firm on file is its township's to confirm, whichever the applicant chose.
      townshipUnitId: firm?.townshipUnitId ?? body.townshipUnitId,
      contactName: body.contactName,
      contactPhone: body.contactPhone,
      username: body.username,
      passwordHash,
      enterpriseId: firm?.id ?? null,
      status: 'pending',
      reason: null,
      userId: null,
      decidedBy: null,
      decidedAt: null,
      ip: ctx.ip,
      createdAt: now.toISOString(),
    };
    const id = await portalRepository.insertRegistration(trx, values);
    const { passwordHash: _h, ...after } = values;
    await recordAudit(trx, deps, ctx, { action: 'service_registration.create', entityType: 'service_registration', entityId: id, after });
    await notify(trx, deps, {
      unitIds: [values.townshipUnitId],
      kind: 'service.registration',
      title: { zh: `企业注册待确认：${body.firmName}`, en: `A firm registered and awaits confirmation: ${body.firmName}` },
      link: '/services/registrations',
      entityType: 'service_registration',
      entityId: id,
      unitPermission: 'service:accounts',
    });
    return { id, status: 'pending' as const, linked: firm !== undefined };
  });
}

type Row = NonNullable<Awaited<ReturnType<typeof portalRepository.registration>>>;
async function describeRows(db: Executor, rows: Row[]): Promise<Registration[]> {
  const units = await servicesRepository.unitsByIds(db, [...new Set(rows.map((r) => r.townshipUnitId))]);
  return rows.map((r) => {
    const u = units.find((x) => x.id === r.townshipUnitId);
    return {
      id: r.id,
      firmName: r.firmName,
      uscc: r.uscc,
      township: { id: r.townshipUnitId, nameZh: u?.nameZh ?? '', nameEn: u?.nameEn ?? '' },
      contactName: r.contactName,
      contactPhone: r.contactPhone,
      username: r.username,
      enterprise: r.enterpriseId === null ? null : { id: r.enterpriseId, name: r.enterpriseName ?? '' },
      status: r.status as Registration['status'],
      reason: r.reason,
      createdAt: r.createdAt,
      decidedAt: r.decidedAt,
      userId: r.userId,
    };
  });
}

/** The registrations of the caller's township (the office: every township), pending first by default filter. */
export async function listRegistrations(deps: Deps, ctx: UserContext, query: z.infer<typeof registrationListQuery>) {
  requirePermission(ctx, 'service:accounts');
  const { rows, total } = await portalRepository.registrations(deps.db, query, await scopeFor(deps.db, ctx.user, 'service:accounts'));
  return { items: await describeRows(deps.db, rows), total, page: query.page, pageSize: query.pageSize };
}

async function pendingInScope(db: Executor, ctx: UserContext, id: number): Promise<Row> {
  const row = await portalRepository.registration(db, id, await scopeFor(db, ctx.user, 'service:accounts'));
  if (!row) throw notFound();
  if (row.status !== 'pending') throw new AppError('CONFLICT', {}, { status: { key: 'err.service.registration_decided' } });
  return row;
}

/**
 * The township confirms: the firm (filed now in 一企一档 when it was not on file, with the industry the township
 * gives) gets its enterprise account with the applicant's own password; the applicant can sign in at once.
 */
export async function confirmRegistration(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof confirmRegistrationBody>): Promise<Registration> {
  requirePermission(ctx, 'service:accounts');
  await deps.db.transaction().execute(async (trx) => {
    const row = await pendingInScope(trx, ctx, id);
    const now = deps.clock.now().toISOString();
    // A firm filed since the application (or the one it named) is linked; a new one needs its industry.
    let enterpriseId = row.enterpriseId ?? (await portalRepository.firmByUscc(trx, row.uscc))?.id ?? null;
    if (enterpriseId === null) {
      if (!body.industryCode) throw fieldError({ industryCode: 'err.required' });
      enterpriseId = await insertEnterprise(trx, now, {
        name: row.firmName,
        uscc: row.uscc,
        townshipUnitId: row.townshipUnitId,
        address: body.address,
        industryCode: body.industryCode,
        chainUnitIds: [],
        aboveScale: false,
        highTech: false,
        highTechCertNo: '',
        highTechValidTo: null,
        smeTier: 'none',
        rdInstitutions: '',
        employees: null,
        serviceTeamUnitId: null,
        chiefOfficerUserId: null,
        contacts: [{ name: row.contactName, position: '', phone: row.contactPhone, idNumber: '' }],
      });
      await recordAudit(trx, deps, ctx, {
        action: 'enterprise.create',
        entityType: 'enterprise',
        entityId: enterpriseId,
        after: { name: row.firmName, uscc: row.uscc, townshipUnitId: row.townshipUnitId, industryCode: body.industryCode, registrationId: id },
      });
    } else if (await portalRepository.firmHasAccount(trx, enterpriseId)) throw duplicate();
    const userId = await insertFirmUser(trx, deps, ctx, {
      username: row.username,
      displayName: row.contactName,
      phone: row.contactPhone,
      enterpriseId,
      passwordHash: row.passwordHash ?? '',
      mustChange: false,
    });
    const changes = { status: 'confirmed', enterpriseId, userId, passwordHash: null, decidedBy: ctx.user.id, decidedAt: now };
    if (!(await portalRepository.decideRegistration(trx, id, changes)))
      throw new AppError('CONFLICT', {}, { status: { key: 'err.service.registration_decided' } });
    const { passwordHash: _h, ...before } = row;
    await recordAudit(trx, deps, ctx, {
      action: 'service_registration.confirm',
      entityType: 'service_registration',
      entityId: id,
      before,
      after: { ...changes, passwordHash: undefined },
    });
  });
  return registrationOf(deps, ctx, id);
}

/** The township refuses with a reason; nothing but the registration changes, and the password it held is dropped. */
export async function refuseRegistration(deps: Deps, ctx: UserContext, id: number, reason: string): Promise<Registration> {
  requirePermission(ctx, 'service:accounts');
  await deps.db.transaction().execute(async (trx) => {
    const row = await pendingInScope(trx, ctx, id);
    const changes = { status: 'refused', reason, passwordHash: null, decidedBy: ctx.user.id, decidedAt: deps.clock.now().toISOString() };
    if (!(await portalRepository.decideRegistration(trx, id, changes)))
      throw new AppError('CONFLICT', {}, { status: { key: 'err.service.registration_decided' } });
    const { passwordHash: _h, ...before } = row;
    await recordAudit(trx, deps, ctx, {
      action: 'service_registration.refuse',
      entityType: 'service_registration',
      entityId: id,
      before,
      after: { ...changes, passwordHash: undefined },
    });
  });
  return registrationOf(deps, ctx, id);
}

async function registrationOf(deps: Deps, ctx: UserContext, id: number) {
  const row = await portalRepository.registration(deps.db, id, await scopeFor(deps.db, ctx.user, 'service:accounts'));
  if (!row) throw notFound();
  return (await describeRows(deps.db, [row]))[0];
}
