import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import type { DbTarget } from '../db/database';

const run = promisify(execFile);

/** What a backup folder holds, with a checksum for every file, checked before anything is restored. */
export interface BackupManifest {
  version: 1;
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  /** The PostgreSQL schema dumped, when the database works in one of its own. */
  schema: string | null;
  files: { path: string; bytes: number; sha256: string }[];
}

const MANIFEST = 'manifest.json';
const SQLITE_FILE = 'database.sqlite';
const PG_FILE = 'database.pgdump';
const ATTACHMENTS = 'attachments';

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every file under `dir`, relative to it, in a stable order. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Writes a consistent copy of the database (SQLite's online backup while the app runs; `pg_dump` on PostgreSQL)
 * and the attachment store into a new folder under `outDir`, with a manifest of checksums. Returns the folder.
 */
export async function createBackup(target: DbTarget, attachmentsDir: string, outDir: string, now = new Date()): Promise<string> {
  const folder = path.join(outDir, `backup-${now.toISOString().replace(/[:.]/g, '-')}`);
  fs.mkdirSync(folder, { recursive: true });
  if (target.kind === 'sqlite') {
    const source = new SqliteDatabase(target.file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(path.join(folder, SQLITE_FILE));
    } finally {
      source.close();
    }
  } else {
    const schema = target.schema ? [`--schema=${target.schema}`] : [];
    await run('pg_dump', ['--format=custom', '--no-owner', ...schema, `--file=${path.join(folder, PG_FILE)}`, `--dbname=${target.url}`]);
  }
  // Stored bytes never change under their content address, and a half-received upload in tmp/ is not a document.
  for (const file of filesUnder(attachmentsDir).filter((f) => !f.startsWith(`tmp${path.sep}`))) {
    const copy = path.join(folder, ATTACHMENTS, file);
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.copyFileSync(path.join(attachmentsDir, file), copy);
  }
  const files = await Promise.all(
    filesUnder(folder).map(async (file) => ({ path: file, bytes: fs.statSync(path.join(folder, file)).size, sha256: await sha256Of(path.join(folder, file)) })),
  );
  const manifest: BackupManifest = {
    version: 1,
    createdAt: now.toISOString(),
    dialect: target.kind,
    schema: target.kind === 'postgres' ? (target.schema ?? null) : null,
    files,
  };
  fs.writeFileSync(path.join(folder, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return folder;
}

/** The manifest of a backup folder, after checking every file it lists against its size and checksum. */
export async function verifyBackup(folder: string): Promise<BackupManifest> {
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, MANIFEST), 'utf8')) as BackupManifest;
  const problems: string[] = [];
  for (const file of manifest.files) {
    const full = path.join(folder, file.path);
    if (!fs.existsSync(full)) problems.push(`${file.path}: missing`);
    else if (fs.statSync(full).size !== file.bytes || (await sha256Of(full)) !== file.sha256) problems.push(`${file.path}: checksum differs`);
  }
  if (problems.length > 0) throw new Error(`The backup in ${folder} is damaged: ${problems.join('; ')}`);
  return manifest;
}

/**
 * Restores a verified backup into `target` (an SQLite file that does not exist yet, or a PostgreSQL database whose
 * dumped objects are replaced) and its attachments into `attachmentsDir`. Nothing is written when the check fails.
 */
export async function restoreBackup(folder: string, target: DbTarget, attachmentsDir: string): Promise<BackupManifest> {
  const manifest = await verifyBackup(folder);
  if (manifest.dialect !== target.kind) throw new Error(`The backup is of a ${manifest.dialect} database; the target is ${target.kind}.`);
  if (target.kind === 'sqlite') {
    if (fs.existsSync(target.file)) throw new Error(`${target.file} exists; restore into a new file, or move it away first.`);
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    fs.copyFileSync(path.join(folder, SQLITE_FILE), target.file);
  } else {
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--exit-on-error', `--dbname=${target.url}`, path.join(folder, PG_FILE)]);
  }
  for (const file of manifest.files.filter((f) => f.path.startsWith(`${ATTACHMENTS}${path.sep}`))) {
    const stored = path.join(attachmentsDir, path.relative(ATTACHMENTS, file.path));
    fs.mkdirSync(path.dirname(stored), { recursive: true });
    fs.copyFileSync(path.join(folder, file.path), stored);
  }
  return manifest;
}
