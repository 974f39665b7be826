// Backs up the configured database (SQLite online backup, or pg_dump) and the attachment store into a new folder
// with a manifest of checksums:  npm run backup [-- <folder>]   (default: DATA_DIR/backups)
import path from 'node:path';
import { loadConfig } from '../src/server/config';
import { createBackup, verifyBackup } from '../src/server/core/backup/backup';

const config = loadConfig();
const outDir = path.resolve(process.argv[2] ?? path.join(config.dataDir, 'backups'));
const target = config.databaseUrl ? ({ kind: 'postgres', url: config.databaseUrl } as const) : ({ kind: 'sqlite', file: config.sqliteFile } as const);
const started = performance.now();
const folder = await createBackup(target, config.attachmentsDir, outDir);
const manifest = await verifyBackup(folder);
const bytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
console.log(
  `Backup written to ${folder}: ${manifest.files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB, ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
