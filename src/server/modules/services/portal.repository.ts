import type { Insertable, Updateable } from 'kysely';
import { type Scope, applyScope } from '../../core/access/access';
import type { Executor } from '../../core/db/database';
import { paginate } from '../../core/db/paging';
import type { ServiceProfileCorrectionTable, ServiceRegistrationTable } from './services.tables';

/** SQL of the portal's paperwork: self-registrations and profile corrections, each seen by the firm's township. */
export const portalRepository = {
  townships(db: Executor) {
    return db
      .selectFrom('orgUnits')
      .select(['id', 'nameZh', 'nameEn'])
      .where('kind', '=', 'township')
      .where('active', '=', 1)
      .orderBy('sortOrder')
      .orderBy('id')
      .execute();
  },
  township(db: Executor, id: number) {
    return db.selectFrom('orgUnits').select('id').where('id', '=', id).where('kind', '=', 'township').where('active', '=', 1).executeTakeFirst();
  },
  firmByUscc(db: Executor, uscc: string) {
    return db.selectFrom('enterprises').select(['id', 'name', 'townshipUnitId']).where('uscc', '=', uscc).executeTakeFirst();
  },
  async firmHasAccount(db: Executor, enterpriseId: number) {
    return !!(await db.selectFrom('users').select('id').where('enterpriseId', '=', enterpriseId).executeTakeFirst());
  },
  pendingOfUscc(db: Executor, uscc: string) {
    return db.selectFrom('serviceRegistrations').select('id').where('uscc', '=', uscc).where('status', '=', 'pending').executeTakeFirst();
  },
  async usernameTaken(db: Executor, username: string) {
    const name = username.toLowerCase();
    const user = await db
      .selectFrom('users')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['username']), '=', name))
      .executeTakeFirst();
    if (user) return true;
    return !!(await db
      .selectFrom('serviceRegistrations')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['username']), '=', name))
      .where('status', '=', 'pending')
      .executeTakeFirst());
  },
  async insertRegistration(db: Executor, values: Insertable<ServiceRegistrationTable>) {
    const { id } = await db.insertInto('serviceRegistrations').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  registrations(db: Executor, f: { status?: string; q?: string; page: number; pageSize: number; order: 'asc' | 'desc' }, scope: Scope) {
    let qb = db
      .selectFrom('serviceRegistrations')
      .leftJoin('enterprises', 'enterprises.id', 'serviceRegistrations.enterpriseId')
      .selectAll('serviceRegistrations')
      .select('enterprises.name as enterpriseName');
    if (f.status) qb = qb.where('serviceRegistrations.status', '=', f.status);
    if (f.q) {
      const like = `%${f.q}%`;
      qb = qb.where((eb) => eb.or([eb('serviceRegistrations.firmName', 'like', like), eb('serviceRegistrations.uscc', 'like', like)]));
    }
    qb = applyScope(qb, scope, { unit: 'serviceRegistrations.townshipUnitId' });
    return paginate(qb, { ...f, sort: 'id' }, { id: 'serviceRegistrations.id' }, 'id', 'serviceRegistrations.id');
  },
  registration(db: Executor, id: number, scope: Scope) {
    return applyScope(
      db
        .selectFrom('serviceRegistrations')
        .leftJoin('enterprises', 'enterprises.id', 'serviceRegistrations.enterpriseId')
        .selectAll('serviceRegistrations')
        .select('enterprises.name as enterpriseName')
        .where('serviceRegistrations.id', '=', id),
      scope,
      { unit: 'serviceRegistrations.townshipUnitId' },
    ).executeTakeFirst();
  },
  /** Decides a pending registration; false when another decision came first. */
  async decideRegistration(db: Executor, id: number, values: Updateable<ServiceRegistrationTable>) {
    const res = await db.updateTable('serviceRegistrations').set(values).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },

  async insertCorrection(db: Executor, values: Insertable<ServiceProfileCorrectionTable>) {
    const { id } = await db.insertInto('serviceProfileCorrections').values(values).returning('id').executeTakeFirstOrThrow();
    return id;
  },
  corrections(db: Executor, f: { status?: string; page: number; pageSize: number; order: 'asc' | 'desc' }, scope: Scope) {
    let qb = db
      .selectFrom('serviceProfileCorrections')
      .innerJoin('enterprises', 'enterprises.id', 'serviceProfileCorrections.enterpriseId')
      .selectAll('serviceProfileCorrections')
      .select('enterprises.name as enterpriseName');
    if (f.status) qb = qb.where('serviceProfileCorrections.status', '=', f.status);
    qb = applyScope(qb, scope, { unit: 'serviceProfileCorrections.townshipUnitId', enterprise: 'serviceProfileCorrections.enterpriseId' });
    return paginate(qb, { ...f, sort: 'id' }, { id: 'serviceProfileCorrections.id' }, 'id', 'serviceProfileCorrections.id');
  },
  correction(db: Executor, id: number, scope: Scope) {
    return applyScope(
      db
        .selectFrom('serviceProfileCorrections')
        .innerJoin('enterprises', 'enterprises.id', 'serviceProfileCorrections.enterpriseId')
        .selectAll('serviceProfileCorrections')
        .select('enterprises.name as enterpriseName')
        .where('serviceProfileCorrections.id', '=', id),
      scope,
      { unit: 'serviceProfileCorrections.townshipUnitId', enterprise: 'serviceProfileCorrections.enterpriseId' },
    ).executeTakeFirst();
  },
  async decideCorrection(db: Executor, id: number, values: Updateable<ServiceProfileCorrectionTable>) {
    const res = await db.updateTable('serviceProfileCorrections').set(values).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },
};
