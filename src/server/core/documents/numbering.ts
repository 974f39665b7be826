import type { Trx } from '../db/database';

/**
 * The next sequence number of a document type in a year, taken inside the issuing transaction: the counter row is
 * created if missing and incremented with UPDATE … RETURNING, which row-locks it on PostgreSQL (a concurrent issue
 * waits for this transaction and then sees its increment) and runs under SQLite's single writer. A rolled-back issue
 * rolls its increment back with it, so numbers have neither gaps nor duplicates.
 */
export async function nextDocumentSeq(trx: Trx, docType: string, year: number): Promise<number> {
  await trx
    .insertInto('documentNumbers')
    .values({ docType, year, lastSeq: 0 })
    .onConflict((oc) => oc.columns(['docType', 'year']).doNothing())
    .execute();
  const row = await trx
    .updateTable('documentNumbers')
    .set((eb) => ({ lastSeq: eb('lastSeq', '+', 1) }))
    .where('docType', '=', docType)
    .where('year', '=', year)
    .returning('lastSeq')
    .executeTakeFirstOrThrow();
  return row.lastSeq;
}
