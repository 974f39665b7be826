import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePlatform } from '../../platform';
import { type TestApp, createTestApp, uploadFile } from '../../test/build-app';
import { rowCounts } from '../../test/operations';
import { testDatabase, testDialect } from '../../test/test-db';
import { verifyAuditChain } from '../audit/audit.service';
import { type DbHandle, type DbTarget, openDb } from '../db/database';
import { createBackup, restoreBackup, verifyBackup } from './backup';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-backup-'));
const cleanups: (() => Promise<void>)[] = [];

/** The source: a database the backup tools can reach from outside the app (an SQLite file, or a PostgreSQL schema). */
async function sourceDatabase(): Promise<{ handle: DbHandle; target: DbTarget }> {
  if (testDialect === 'sqlite') {
    const file = path.join(work, 'source.db');
    const handle = openDb({ kind: 'sqlite', file });
    await migratePlatform(handle);
    return { handle, target: { kind: 'sqlite', file } };
  }
  return testDatabase();
}

/** An empty place to restore into: a new SQLite file, or a new PostgreSQL database (the dump recreates its schema). */
async function restoreTarget(): Promise<DbTarget> {
  if (source.target.kind === 'sqlite') return { kind: 'sqlite', file: path.join(work, `restored-${randomBytes(3).toString('hex')}.db`) };
  const name = `restore_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: source.target.url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  cleanups.push(async () => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  const url = new URL(source.target.url);
  url.pathname = `/${name}`;
  return { kind: 'postgres', url: url.toString(), schema: source.target.schema };
}

let source: { handle: DbHandle; target: DbTarget };
let t: TestApp;
beforeAll(async () => {
  source = await sourceDatabase();
  t = await createTestApp({}, source.handle);
  // A business record with its milestones, tasks and audit rows, and a document attached to it.
  const office = await t.signIn('office');
  const daying = await t.unitId('daying');
  const project = await office.post('/api/projects', {
    code: 'BK-001',
    name: '备份演练项目',
    library: 'strong_county',
    types: [],
    townshipUnitId: daying,
    stage: 'construction',
    totalInvestmentFen: 50_000_000,
    annualPlanFen: 12_000_000,
    plannedStart: '2021-03-01',
    plannedCompletion: '2022-06-30',
    plannedProduction: '2022-09-30',
    responsibleUnitId: daying,
    responsiblePerson: '张三',
  });
  expect(project.statusCode, project.body).toBe(200);
  const upload = await uploadFile(office, `/api/attachments/project/${project.json().id}`, '项目备案证.pdf', PDF, 'application/pdf');
  expect(upload.statusCode, upload.body).toBe(200);
}, 120_000);
afterAll(async () => {
  await t.close();
  for (const cleanup of cleanups) await cleanup();
  fs.rmSync(work, { recursive: true, force: true });
});

describe(`backup and restore on ${testDialect}`, () => {
  it('restores into a fresh database every row, an intact audit chain and every attachment, with checksums that match', async () => {
    const started = performance.now();
    const folder = await createBackup(source.target, t.deps.config.attachmentsDir, path.join(work, 'backups'));
    const backupMs = performance.now() - started;
    const manifest = await verifyBackup(folder);
    expect(manifest.files.some((f) => f.path.startsWith('attachments'))).toBe(true);

    const target = await restoreTarget();
    const restoredAttachments = path.join(work, `attachments-${randomBytes(3).toString('hex')}`);
    const restoreStarted = performance.now();
    await restoreBackup(folder, target, restoredAttachments);
    const restoreMs = performance.now() - restoreStarted;
    const restored = openDb(target);
    try {
      expect(await rowCounts(restored)).toEqual(await rowCounts(source.handle));
      const [before, after] = [await verifyAuditChain(source.handle.db), await verifyAuditChain(restored.db)];
      expect(after).toEqual(before);
      expect(after.ok).toBe(true);
      const stored = await restored.db.selectFrom('attachments').select('sha256').execute();
      expect(stored.length).toBeGreaterThan(0);
      for (const { sha256 } of stored) {
        const bytes = fs.readFileSync(path.join(restoredAttachments, sha256.slice(0, 2), sha256));
        expect(bytes.equals(fs.readFileSync(path.join(t.deps.config.attachmentsDir, sha256.slice(0, 2), sha256)))).toBe(true);
      }
    } finally {
      await restored.close();
    }
    console.info(`backup drill on ${testDialect}: backup ${backupMs.toFixed(0)} ms, restore ${restoreMs.toFixed(0)} ms, ${manifest.files.length} files`);
  }, 120_000);

  it('refuses a damaged backup before writing anything', async () => {
    const folder = await createBackup(source.target, t.deps.config.attachmentsDir, path.join(work, 'damaged'));
    const attachment = (await verifyBackup(folder)).files.find((f) => f.path.startsWith('attachments')) as { path: string };
    fs.appendFileSync(path.join(folder, attachment.path), 'x');
    const target: DbTarget = testDialect === 'sqlite' ? { kind: 'sqlite', file: path.join(work, 'never.db') } : await restoreTarget();
    const restoredAttachments = path.join(work, 'never-attachments');
    await expect(restoreBackup(folder, target, restoredAttachments)).rejects.toThrow(/damaged.*checksum differs/);
    expect(fs.existsSync(restoredAttachments)).toBe(false);
    if (target.kind === 'sqlite') expect(fs.existsSync(target.file)).toBe(false);
  }, 120_000);
});
