import { type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { Permission } from '../../../shared/permissions';
import type { Executor } from '../db/database';
import { forbidden } from '../http/errors';
import type { AuthUser, RequestContext, UserContext } from './context';

/**
 * The rows a user may touch under one permission: everything, or the union of some units, the user's own records and
 * (for an enterprise account) its own firm's records. Computed per permission because a user's roles may grant
 * different permissions over different scopes.
 */
export type Scope = { all: true } | { all: false; unitIds: number[]; ownUserId: number | null; enterpriseId?: number | null };

/** No unit, no own record, no firm: what a permission the user does not hold reaches. */
export const NO_SCOPE: Scope = Object.freeze({ all: false, unitIds: Object.freeze([]) as never[], ownUserId: null });

/**
 * The scope of a permission the user may or may not hold: for deciding what to offer (a `can` flag, an extra column),
 * never for refusing, which is `requirePermission`'s.
 */
export function scopeIfHeld(db: Executor, user: AuthUser, permission: Permission): Promise<Scope> {
  return user.permissions.has(permission) ? scopeFor(db, user, permission) : Promise.resolve(NO_SCOPE);
}

/** Throws 403 unless the signed-in user holds the permission. */
export function requirePermission(ctx: RequestContext, permission: Permission): asserts ctx is UserContext {
  if (!ctx.user?.permissions.has(permission)) throw forbidden();
}

/** The data scope of a permission for a user, resolving "unit and below" through the org tree. */
export async function scopeFor(db: Executor, user: AuthUser, permission: Permission): Promise<Scope> {
  const grants = user.roles.filter((r) => r.permissions.includes(permission));
  if (grants.some((g) => g.dataScope === 'all')) return { all: true };
  const unitIds = new Set<number>();
  let ownUserId: number | null = null;
  let enterpriseId: number | null = null;
  for (const grant of grants) {
    if (grant.dataScope === 'unit') unitIds.add(user.unitId);
    if (grant.dataScope === 'custom') for (const id of grant.customUnitIds) unitIds.add(id);
    if (grant.dataScope === 'own') ownUserId = user.id;
    // An account linked to no firm sees no firm's rows.
    if (grant.dataScope === 'enterprise') enterpriseId = user.enterpriseId;
    if (grant.dataScope === 'unit_and_below') for (const id of await unitAndBelow(db, user.unitId)) unitIds.add(id);
  }
  return { all: false, unitIds: [...unitIds], ownUserId, enterpriseId };
}

async function unitAndBelow(db: Executor, unitId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('orgUnits')
    .select('id')
    .where('path', 'like', sql<string>`(select path from org_units where id = ${unitId}) || '%'`)
    .execute();
  return rows.map((r) => r.id);
}

/** Columns of a query that tie a row to a unit, to the user who owns it and to the firm it concerns. */
export interface ScopeColumns {
  /** The unit column, or several: a row is in scope when any of them is (a firm belongs to its township and its service team). */
  unit?: string | string[];
  owner?: string;
  /** The firm column: an enterprise account sees the rows whose firm is its own. */
  enterprise?: string;
  /**
   * Units a row reaches through a child table: the row is in scope when a child row of one of the scope's units
   * exists (a service request is seen by the units handling a part of it).
   */
  unitVia?: { table: string; parent: string; key: string; unit: string }[];
  /** A row with no unit concerns everyone (a county-wide document): it is in every scope. */
  noUnitIsPublic?: boolean;
}

/** Restricts a query to the rows inside a scope; the only place data-scope filters are written. */
export function applyScope<QB extends SelectQueryBuilder<any, any, any>>(qb: QB, scope: Scope, columns: ScopeColumns): QB {
  if (scope.all) return qb;
  return qb.where((eb) => scopeCondition(eb, scope, columns)) as QB;
}

/**
 * The condition of `applyScope` as an expression, for a query that combines scopes (a draft seen under one
 * permission, an issued document under another).
 */
export function scopeCondition(eb: ExpressionBuilder<any, any>, scope: Scope, columns: ScopeColumns): Expression<SqlBool> {
  if (scope.all) return sql<boolean>`1 = 1`;
  const allowed = [];
  const unitColumns = columns.unit === undefined ? [] : Array.isArray(columns.unit) ? columns.unit : [columns.unit];
  if (columns.noUnitIsPublic) for (const column of unitColumns) allowed.push(eb(eb.ref(column), 'is', null));
  if (scope.unitIds.length > 0) {
    for (const column of unitColumns) allowed.push(eb(eb.ref(column), 'in', scope.unitIds));
    for (const via of columns.unitVia ?? [])
      allowed.push(
        eb.exists(
          eb
            .selectFrom(via.table as any)
            .select(sql`1`.as('one'))
            .where(eb.ref(`${via.table}.${via.key}`), '=', eb.ref(via.parent))
            .where(eb.ref(`${via.table}.${via.unit}`), 'in', scope.unitIds),
        ),
      );
  }
  if (columns.owner && scope.ownUserId !== null) allowed.push(eb(eb.ref(columns.owner), '=', scope.ownUserId));
  if (columns.enterprise && scope.enterpriseId != null) allowed.push(eb(eb.ref(columns.enterprise), '=', scope.enterpriseId));
  return allowed.length > 0 ? eb.or(allowed) : sql<boolean>`1 = 0`;
}

/** Whether a unit is inside a scope: the in-memory twin of `applyScope` for a unit already read (an import's rows). */
export function scopeIncludes(scope: Scope, unitId: number | null): boolean {
  return unitId !== null && (scope.all || scope.unitIds.includes(unitId));
}
