import type { z } from 'zod';
import type { Unit, createUnitBody, updateUnitBody } from '../../../shared/modules/admin.schemas';
import type { UnitKind } from '../../../shared/permissions';
import { requirePermission, scopeFor } from '../access/access';
import type { RequestContext, UserContext } from '../access/context';
import { recordAudit } from '../audit/audit.service';
import type { Executor } from '../db/database';
import type { Deps } from '../deps';
import { fieldError, notFound } from '../http/errors';
import { type UnitFilter, type UnitRow, unitsRepository } from './units.repository';

/** The API shape of a unit row. */
export function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    parentId: row.parentId,
    code: row.code,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    kind: row.kind as UnitKind,
    divisionCode: row.divisionCode,
    sortOrder: row.sortOrder,
    active: row.active === 1,
  };
}

/** Units the user may read, flat and ordered; the web builds the tree. */
export async function listUnits(deps: Deps, ctx: RequestContext, filter: UnitFilter): Promise<Unit[]> {
  requirePermission(ctx, 'unit:read');
  const scope = await scopeFor(deps.db, ctx.user, 'unit:read');
  return (await unitsRepository.list(deps.db, filter, scope)).map(toUnit);
}

/** One unit, or 404 when it is outside the user's scope. */
export async function getUnit(deps: Deps, ctx: RequestContext, id: number): Promise<Unit> {
  requirePermission(ctx, 'unit:read');
  const row = await unitsRepository.findById(deps.db, id, await scopeFor(deps.db, ctx.user, 'unit:read'));
  if (!row) throw notFound();
  return toUnit(row);
}

async function requireParent(db: Executor, parentId: number | null) {
  if (parentId === null) return null;
  const parent = await unitsRepository.findById(db, parentId);
  if (!parent) throw fieldError({ parentId: 'err.unit_not_found' });
  return parent;
}

/** Creates a unit under a parent (sysadmin). */
export async function createUnit(deps: Deps, ctx: UserContext, body: z.infer<typeof createUnitBody>): Promise<Unit> {
  requirePermission(ctx, 'unit:manage');
  return deps.db.transaction().execute(async (trx) => {
    const parent = await requireParent(trx, body.parentId);
    if (await unitsRepository.findByCode(trx, body.code)) throw fieldError({ code: 'err.unit_code_taken' });
    const now = deps.clock.now().toISOString();
    const id = await unitsRepository.insert(trx, { ...body, active: 1, createdAt: now, updatedAt: now }, parent?.path ?? null);
    const created = toUnit((await unitsRepository.findById(trx, id)) as UnitRow);
    await recordAudit(trx, deps, ctx, { action: 'unit.create', entityType: 'unit', entityId: id, after: created });
    return created;
  });
}

/** Edits, moves, disables or re-enables a unit (sysadmin). */
export async function updateUnit(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof updateUnitBody>): Promise<Unit> {
  requirePermission(ctx, 'unit:manage');
  return deps.db.transaction().execute(async (trx) => {
    const current = await unitsRepository.findById(trx, id);
    if (!current) throw notFound();
    if (body.code && body.code !== current.code && (await unitsRepository.findByCode(trx, body.code))) {
      throw fieldError({ code: 'err.unit_code_taken' });
    }
    if (body.active === false && current.active === 1 && (await unitsRepository.countActiveDependants(trx, id)) > 0) {
      throw fieldError({ active: 'err.unit_in_use' });
    }
    const { active, ...fields } = body;
    if (body.parentId !== undefined && body.parentId !== current.parentId) {
      const parent = await requireParent(trx, body.parentId);
      if (parent?.path.startsWith(current.path)) throw fieldError({ parentId: 'err.parent_cycle' });
      await unitsRepository.repath(trx, current.path, `${parent?.path ?? '/'}${id}/`);
    }
    await unitsRepository.update(trx, id, {
      ...fields,
      ...(active === undefined ? {} : { active: active ? 1 : 0 }),
      updatedAt: deps.clock.now().toISOString(),
    });
    const updated = toUnit((await unitsRepository.findById(trx, id)) as UnitRow);
    await recordAudit(trx, deps, ctx, { action: 'unit.update', entityType: 'unit', entityId: id, before: toUnit(current), after: updated });
    return updated;
  });
}
