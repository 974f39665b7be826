import { type Kysely, sql } from 'kysely';
import { grantToRoles } from './helpers';

// County departments held enterprise:read with their own unit as scope, which covers no firm (firms belong to a
// township and a service team): an empty 企业档案 page. Reading the directory is now a role of its own, county-wide
// and with contacts masked, that the administrator gives to the departments that need it (工信局, 统计局, 科技局 …).
// The role itself is created with the other built-in roles at start.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`delete from role_permissions where permission = 'enterprise:read'
    and role_id in (select id from roles where code = 'department' and builtin = 1)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await grantToRoles(db, { department: ['enterprise:read'] });
}
