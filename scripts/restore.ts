// Restores a backup folder into the configured database and attachment store, after checking every checksum, then
// walks the restored audit chain:  npm run restore -- <backup folder>
// SQLite restores into a file that must not exist yet; PostgreSQL replaces the objects the dump holds.
import { loadConfig } from '../src/server/config';
import { verifyAuditChain } from '../src/server/core/audit/audit.service';
import { restoreBackup } from '../src/server/core/backup/backup';
import { openConfiguredDb } from '../src/server/core/db/database';

const folder = process.argv[2];
if (!folder) {
  console.error('Usage: npm run restore -- <backup folder>');
  process.exit(2);
}
const config = loadConfig();
const target = config.databaseUrl ? ({ kind: 'postgres', url: config.databaseUrl } as const) : ({ kind: 'sqlite', file: config.sqliteFile } as const);
const manifest = await restoreBackup(folder, target, config.attachmentsDir);
const database = openConfiguredDb(config);
const chain = await verifyAuditChain(database.db);
await database.close();
console.log(`Restored the backup of ${manifest.createdAt} (${manifest.files.length} files, checksums verified).`);
if (!chain.ok) {
  console.error(`Audit chain BROKEN at row ${chain.firstBrokenId}.`);
  process.exit(1);
}
console.log(`Audit chain intact: ${chain.checked} rows checked.`);
