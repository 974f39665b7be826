import { type CreateTableBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

/** Whether the migration runs on PostgreSQL (the other dialect is SQLite). */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Adds an auto-incrementing integer primary key `id`, spelt the way each dialect wants it. */
export function withId<T extends string>(db: Kysely<any>, table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  return isPostgres(db) ? table.addColumn('id', 'serial', (c) => c.primaryKey()) : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/**
 * Gives built-in roles new permissions on databases whose roles exist already (a fresh database gets them when the
 * roles are created). Idempotent. Grants are written out in each migration, never imported: a migration must stay
 * valid when the catalogue moves on.
 */
export async function grantToRoles(db: Kysely<any>, grants: Record<string, readonly string[]>): Promise<void> {
  for (const [role, permissions] of Object.entries(grants))
    for (const permission of permissions)
      await sql`insert into role_permissions (role_id, permission)
        select id, ${permission} from roles r where r.code = ${role}
        and not exists (select 1 from role_permissions p where p.role_id = r.id and p.permission = ${permission})`.execute(db);
}
