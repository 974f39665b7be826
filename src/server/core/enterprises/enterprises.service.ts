import type { z } from 'zod';
import { industryByCode } from '../../../shared/industry-codes';
import type { Enterprise, createEnterpriseBody, updateEnterpriseBody } from '../../../shared/modules/enterprises.schemas';
import { maskIdNumber, maskPhone } from '../../../shared/rules/pii-mask';
import { type Scope, requirePermission, scopeFor, scopeIncludes, scopeIfHeld } from '../access/access';
import type { RequestContext, UserContext } from '../access/context';
import { recordAudit } from '../audit/audit.service';
import type { Executor, Trx } from '../db/database';
import type { Deps } from '../deps';
import type { ExportColumn } from '../excel/export';
import { type FieldProblem, fieldError, notFound } from '../http/errors';
import { type EnterpriseFilter, type EnterpriseRow, enterprisesRepository } from './enterprises.repository';
import { unitsRepository } from '../org/units.repository';
import { usersRepository } from '../users/users.repository';

const SME_NAMES = {
  none: ['', ''],
  innovative: ['创新型中小企业', 'Innovative SME'],
  provincial: ['省级专精特新', 'Provincial specialised SME'],
  little_giant: ['国家级专精特新"小巨人"', 'National "little giant"'],
} as const;

/** What shaping firms for the API reads beside their rows (whose names come joined): chains, contacts, the write scope. */
interface Related {
  chains: Awaited<ReturnType<typeof enterprisesRepository.chainsOf>>;
  contacts: Awaited<ReturnType<typeof enterprisesRepository.contactsOf>>;
  writeScope: Scope;
}

async function relatedOf(db: Executor, ctx: UserContext, rows: EnterpriseRow[]): Promise<Related> {
  const ids = rows.map((r) => r.id);
  const [chains, contacts, writeScope] = await Promise.all([
    enterprisesRepository.chainsOf(db, ids),
    enterprisesRepository.contactsOf(db, ids),
    scopeIfHeld(db, ctx.user, 'enterprise:write'),
  ]);
  return { chains, contacts, writeScope };
}

/** Shapes firms for the API: unit and officer names, chains, contacts (masked without `enterprise:pii`), edit right. */
async function describeEnterprises(db: Executor, ctx: UserContext, rows: EnterpriseRow[]): Promise<Enterprise[]> {
  return present(ctx, rows, await relatedOf(db, ctx, rows));
}

function present(ctx: UserContext, rows: EnterpriseRow[], { chains, contacts, writeScope }: Related): Enterprise[] {
  const pii = ctx.user.permissions.has('enterprise:pii');
  const writable = (r: EnterpriseRow) => scopeIncludes(writeScope, r.townshipUnitId) || scopeIncludes(writeScope, r.serviceTeamUnitId);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    uscc: r.uscc,
    township: { id: r.townshipUnitId, nameZh: r.townshipNameZh ?? '', nameEn: r.townshipNameEn ?? '' },
    address: r.address,
    industryCode: r.industryCode,
    chains: chains.filter((c) => c.enterpriseId === r.id).map(({ enterpriseId: _, ...c }) => c),
    aboveScale: r.aboveScale === 1,
    highTech: r.highTech === 1,
    highTechCertNo: r.highTechCertNo,
    highTechValidTo: r.highTechValidTo,
    smeTier: r.smeTier as Enterprise['smeTier'],
    rdInstitutions: r.rdInstitutions,
    employees: r.employees,
    serviceTeam: r.serviceTeamUnitId !== null && r.teamNameZh !== null ? { id: r.serviceTeamUnitId, nameZh: r.teamNameZh, nameEn: r.teamNameEn ?? '' } : null,
    chiefOfficer: r.chiefOfficerUserId !== null && r.officerName !== null ? { id: r.chiefOfficerUserId, displayName: r.officerName } : null,
    contacts: contacts
      .filter((c) => c.enterpriseId === r.id)
      .map((c) => ({ name: c.name, position: c.position, phone: pii ? c.phone : maskPhone(c.phone), idNumber: pii ? c.idNumber : maskIdNumber(c.idNumber) })),
    piiMasked: !pii,
    writable: writable(r),
    updatedAt: r.updatedAt,
  }));
}

/** One page of the firms the caller may see. */
export async function listEnterprises(deps: Deps, ctx: UserContext, filter: EnterpriseFilter) {
  requirePermission(ctx, 'enterprise:read');
  const { rows, total } = await enterprisesRepository.list(deps.db, filter, await scopeFor(deps.db, ctx.user, 'enterprise:read'));
  return { items: await describeEnterprises(deps.db, ctx, rows), total, page: filter.page, pageSize: filter.pageSize };
}

/** Every firm matching the list's filters, for export. */
export async function allEnterprises(deps: Deps, ctx: UserContext, filter: Omit<EnterpriseFilter, 'page' | 'pageSize'>) {
  requirePermission(ctx, 'enterprise:read');
  return describeEnterprises(deps.db, ctx, await enterprisesRepository.all(deps.db, filter, await scopeFor(deps.db, ctx.user, 'enterprise:read')));
}

export const ENTERPRISE_EXPORT_COLUMNS: ExportColumn<Enterprise>[] = [
  { zh: '企业名称', en: 'Name', width: 36, value: (e) => e.name },
  { zh: '统一社会信用代码', en: 'Credit code', width: 22, value: (e) => e.uscc },
  { zh: '所属乡镇', en: 'Township', value: (e) => e.township.nameZh },
  { zh: '行业', en: 'Industry', width: 28, value: (e) => `${e.industryCode} ${industryByCode.get(e.industryCode)?.zh ?? ''}` },
  { zh: '产业链', en: 'Chains', width: 28, value: (e) => e.chains.map((c) => c.nameZh).join('、') },
  { zh: '规上', en: 'Above scale', value: (e) => (e.aboveScale ? '是' : '否') },
  { zh: '高新技术企业', en: 'High-tech', value: (e) => (e.highTech ? '是' : '否') },
  { zh: '专精特新', en: 'Specialised SME', width: 22, value: (e) => SME_NAMES[e.smeTier][0] },
  { zh: '从业人员', en: 'Employees', value: (e) => e.employees ?? '' },
  { zh: '服务专班', en: 'Service team', width: 24, value: (e) => e.serviceTeam?.nameZh ?? '' },
  { zh: '联系人', en: 'Contact', value: (e) => e.contacts[0]?.name ?? '' },
  { zh: '联系电话', en: 'Phone', value: (e) => e.contacts[0]?.phone ?? '' },
];

/** One firm's profile; a firm outside the caller's scope is 404. */
export async function getEnterprise(deps: Deps, ctx: UserContext, id: number): Promise<Enterprise> {
  requirePermission(ctx, 'enterprise:read');
  const row = await enterprisesRepository.findById(deps.db, id, await scopeFor(deps.db, ctx.user, 'enterprise:read'));
  if (!row) throw notFound();
  return (await describeEnterprises(deps.db, ctx, [row]))[0];
}

type Body = z.infer<typeof createEnterpriseBody>;

/** The references of a profile must exist and be of the right kind; a township may only file firms of its own. */
async function checkReferences(db: Executor, body: Partial<Body>, writeScope: Scope) {
  const problems: Record<string, FieldProblem['key']> = {};
  const unitOfKind = (id: number, kind: string) => unitsRepository.isActiveOfKind(db, id, kind);
  if (body.townshipUnitId !== undefined) {
    if (!(await unitOfKind(body.townshipUnitId, 'township'))) problems.townshipUnitId = 'err.township_unknown';
    else if (!scopeIncludes(writeScope, body.townshipUnitId)) problems.townshipUnitId = 'err.township_unknown';
  }
  if (body.serviceTeamUnitId && !(await unitOfKind(body.serviceTeamUnitId, 'service_team'))) problems.serviceTeamUnitId = 'err.service_team_unknown';
  for (const [i, id] of (body.chainUnitIds ?? []).entries())
    if (!(await unitOfKind(id, 'service_team'))) problems[`chainUnitIds.${i}`] = 'err.service_team_unknown';
  if (body.chiefOfficerUserId && (await usersRepository.namesOf(db, [body.chiefOfficerUserId])).length === 0) {
    problems.chiefOfficerUserId = 'err.chief_officer_unknown';
  }
  if (Object.keys(problems).length) throw fieldError(problems);
}

function columns(body: Partial<Body>) {
  const { chainUnitIds: _, contacts: __, aboveScale, highTech, ...rest } = body;
  return {
    ...rest,
    ...(aboveScale === undefined ? {} : { aboveScale: aboveScale ? 1 : 0 }),
    ...(highTech === undefined ? {} : { highTech: highTech ? 1 : 0 }),
  };
}

/** Files a firm (office, or a township for its own firms), audited. */
export async function createEnterprise(deps: Deps, ctx: UserContext, body: Body): Promise<Enterprise> {
  requirePermission(ctx, 'enterprise:write');
  const scope = await scopeFor(deps.db, ctx.user, 'enterprise:write');
  return deps.db.transaction().execute(async (trx) => {
    if (await enterprisesRepository.findByUscc(trx, body.uscc)) throw fieldError({ uscc: 'err.uscc_taken' });
    await checkReferences(trx, body, scope);
    const id = await insertEnterprise(trx, deps.clock.now().toISOString(), body);
    const [created] = await describeEnterprises(trx, ctx, [(await enterprisesRepository.findById(trx, id, { all: true })) as EnterpriseRow]);
    await recordAudit(trx, deps, ctx, { action: 'enterprise.create', entityType: 'enterprise', entityId: id, after: created });
    return created;
  });
}

/** Writes one profile with its chains and contacts (shared by the form and the import). */
export async function insertEnterprise(trx: Executor, now: string, body: Body): Promise<number> {
  const id = await enterprisesRepository.insert(trx, enterpriseColumns(now, body));
  await enterprisesRepository.setChains(trx, id, [...new Set(body.chainUnitIds)], true);
  await enterprisesRepository.setContacts(trx, id, body.contacts, true);
  return id;
}

/**
 * Writes new profiles with their chains and contacts in three multi-row statements (the import, a batch at a time:
 * the caller keeps a batch within `batches()` of `core/db/batch`).
 */
export async function insertEnterprises(trx: Executor, now: string, bodies: Body[]): Promise<void> {
  const ids = new Map(
    (
      await enterprisesRepository.insertMany(
        trx,
        bodies.map((b) => enterpriseColumns(now, b)),
      )
    ).map((r) => [r.uscc, r.id]),
  );
  const idOf = (b: Body) => ids.get(b.uscc) as number;
  await enterprisesRepository.insertChains(
    trx,
    bodies.flatMap((b) => [...new Set(b.chainUnitIds)].map((chainUnitId) => ({ enterpriseId: idOf(b), chainUnitId }))),
  );
  await enterprisesRepository.insertContacts(
    trx,
    bodies.flatMap((b) => b.contacts.map((c, i) => ({ ...c, enterpriseId: idOf(b), sortOrder: i }))),
  );
}

/** The columns of a new firm's row. */
function enterpriseColumns(now: string, body: Body) {
  return {
    name: body.name,
    uscc: body.uscc,
    townshipUnitId: body.townshipUnitId,
    address: body.address,
    industryCode: body.industryCode,
    aboveScale: body.aboveScale ? 1 : 0,
    highTech: body.highTech ? 1 : 0,
    highTechCertNo: body.highTechCertNo,
    highTechValidTo: body.highTechValidTo,
    smeTier: body.smeTier,
    rdInstitutions: body.rdInstitutions,
    employees: body.employees,
    serviceTeamUnitId: body.serviceTeamUnitId,
    chiefOfficerUserId: body.chiefOfficerUserId,
    createdAt: now,
    updatedAt: now,
  };
}

/** Edits a firm within the caller's write scope (another township's firm is 404), audited. */
export async function updateEnterprise(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof updateEnterpriseBody>): Promise<Enterprise> {
  return deps.db.transaction().execute((trx) => patchEnterprise(trx, deps, ctx, id, body));
}

/**
 * The same edit inside a caller's transaction (a module that applies a profile change with its own record, e.g. a
 * firm's accepted correction): permission, write scope (another township's firm is 404), checks and audit.
 */
export async function patchEnterprise(trx: Trx, deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof updateEnterpriseBody>): Promise<Enterprise> {
  requirePermission(ctx, 'enterprise:write');
  const scope = await scopeFor(trx, ctx.user, 'enterprise:write');
  const row = await enterprisesRepository.findById(trx, id, scope);
  if (!row) throw notFound();
  if (body.uscc && body.uscc !== row.uscc && (await enterprisesRepository.findByUscc(trx, body.uscc))) throw fieldError({ uscc: 'err.uscc_taken' });
  await checkReferences(trx, body, scope);
  const related = await relatedOf(trx, ctx, [row]);
  const [before] = present(ctx, [row], related);
  const stored = await enterprisesRepository.update(trx, id, { ...columns(body), updatedAt: deps.clock.now().toISOString() });
  if (body.chainUnitIds) await enterprisesRepository.setChains(trx, id, [...new Set(body.chainUnitIds)]);
  if (body.contacts) await enterprisesRepository.setContacts(trx, id, body.contacts);
  // The names, chains and contacts read for the before image still hold unless the edit named them; then the row as
  // the update returned it is the whole after image.
  const after = touchesRelated(body)
    ? await describeEnterprises(trx, ctx, [(await enterprisesRepository.findById(trx, id, { all: true })) as EnterpriseRow]).then((r) => r[0])
    : present(ctx, [{ ...row, ...stored }], related)[0];
  await recordAudit(trx, deps, ctx, { action: 'enterprise.update', entityType: 'enterprise', entityId: id, before, after });
  return after;
}

/** Whether an edit names a field whose shape reads other rows (units, officer, chains, contacts). */
function touchesRelated(body: z.infer<typeof updateEnterpriseBody>): boolean {
  return RELATED_FIELDS.some((field) => body[field] !== undefined);
}
const RELATED_FIELDS = ['townshipUnitId', 'serviceTeamUnitId', 'chiefOfficerUserId', 'chainUnitIds', 'contacts'] as const;

/** Whether a caller may see a firm: the rule the attachment and task panels of the profile use too. */
export async function canSeeEnterprise(db: Executor, ctx: RequestContext, id: number): Promise<boolean> {
  if (!ctx.user?.permissions.has('enterprise:read')) return false;
  return !!(await enterprisesRepository.findById(db, id, await scopeFor(db, ctx.user, 'enterprise:read')));
}
