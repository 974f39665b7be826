import type { Kysely } from 'kysely';

// Notices (通报) criticise the units red two months running or praise the units all green: `subject` tells them
// apart. Only notices have one (briefs and letters stay null), so the existing notices, all criticism, are backfilled
// rather than given a column default that would wrongly label every brief and letter.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('documents').addColumn('subject', 'text').execute();
  await db.updateTable('documents').set({ subject: 'criticism' }).where('doc_type', '=', 'notice').where('subject', 'is', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('documents').dropColumn('subject').execute();
}
