import type { Page } from '../../../shared/list';
import { formatCountyTime } from '../../../shared/dates';
import type { AuditRow, LOGIN_FACTORS, LOGIN_RESULTS } from '../../../shared/modules/admin.schemas';
import type { RequestContext } from '../access/context';
import { type Db, type Executor, type Trx, lockChain } from '../db/database';
import type { Deps } from '../deps';
import { GENESIS_HASH, chainHash, maskedJson } from './chain';
import type { ExportColumn } from '../excel/export';
import { type AuditFilter, auditRepository } from './audit.repository';
import { type LoginLogFilter, loginLogRepository } from './login-log.repository';

const AUDIT_CHAIN_LOCK = 7_300_001;

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Appends an audit row in the caller's transaction, linked by hash to the previous row. */
export async function recordAudit(trx: Trx, deps: Pick<Deps, 'dialect' | 'clock'>, ctx: RequestContext, entry: AuditEntry) {
  await recordAudits(trx, deps, ctx, [entry]);
}

/**
 * Appends audit rows in order in the caller's transaction, each linked by hash to the one before: the chain is locked
 * and its last hash read once, and the rows go in with multi-row statements (a job that audits thousands of changes).
 */
export async function recordAudits(trx: Trx, deps: Pick<Deps, 'dialect' | 'clock'>, ctx: RequestContext, entries: readonly AuditEntry[]) {
  if (entries.length === 0) return;
  await lockChain(trx, deps.dialect, AUDIT_CHAIN_LOCK);
  let prevHash = (await auditRepository.lastHash(trx)) ?? GENESIS_HASH;
  const at = deps.clock.now().toISOString();
  const rows = entries.map((entry) => {
    const fields = {
      at,
      actorUserId: ctx.user?.id ?? null,
      actorUsername: ctx.user?.username ?? null,
      actorUnitId: ctx.user?.unitId ?? null,
      ip: ctx.ip,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId === null ? null : String(entry.entityId),
      beforeJson: entry.before === undefined ? null : maskedJson(entry.before),
      afterJson: entry.after === undefined ? null : maskedJson(entry.after),
    };
    const hash = chainHash(prevHash, fields);
    const row = { ...fields, prevHash, hash };
    prevHash = hash;
    return row;
  });
  await auditRepository.insertMany(trx, rows);
}

/** Walks the chain in id order and reports the first row whose link does not hold. */
export async function verifyAuditChain(db: Executor, batchSize = 5000) {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let afterId = 0;
  for (;;) {
    const rows = await auditRepository.batchAfter(db, afterId, batchSize);
    for (const row of rows) {
      if (row.prevHash !== prevHash || chainHash(prevHash, row) !== row.hash) {
        return { ok: false, checked, firstBrokenId: row.id };
      }
      prevHash = row.hash;
      checked++;
    }
    if (rows.length < batchSize) return { ok: true, checked, firstBrokenId: null };
    afterId = rows[rows.length - 1].id;
  }
}

/** One page of audit rows for the auditor. */
export async function listAudit(db: Db, filter: AuditFilter): Promise<Page<AuditRow>> {
  const { rows, total } = await auditRepository.list(db, filter);
  return { items: rows.map(toAuditRow), total, page: filter.page, pageSize: filter.pageSize };
}

type StoredAuditRow = Awaited<ReturnType<typeof auditRepository.list>>['rows'][number];

function toAuditRow(row: StoredAuditRow): AuditRow {
  return {
    id: row.id,
    at: row.at,
    actorUsername: row.actorUsername,
    actorUnitId: row.actorUnitId,
    ip: row.ip,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.beforeJson ? JSON.parse(row.beforeJson) : null,
    after: row.afterJson ? JSON.parse(row.afterJson) : null,
  };
}

/** Every audit row matching the filters, for export. */
export async function allAudit(db: Db, filter: Omit<AuditFilter, 'page' | 'pageSize'>): Promise<AuditRow[]> {
  return (await auditRepository.all(db, filter)).map(toAuditRow);
}

export const AUDIT_EXPORT_COLUMNS: ExportColumn<AuditRow>[] = [
  { zh: '序号', en: 'No.', width: 8, value: (r) => r.id },
  { zh: '时间', en: 'Time', width: 20, value: (r) => formatCountyTime(r.at) },
  { zh: '操作人', en: 'Actor', value: (r) => r.actorUsername },
  { zh: 'IP', en: 'IP', value: (r) => r.ip },
  { zh: '操作', en: 'Action', width: 22, value: (r) => r.action },
  { zh: '对象类型', en: 'Entity type', value: (r) => r.entityType },
  { zh: '对象编号', en: 'Entity id', value: (r) => r.entityId },
  { zh: '修改前', en: 'Before', width: 50, value: (r) => (r.before == null ? '' : JSON.stringify(r.before)) },
  { zh: '修改后', en: 'After', width: 50, value: (r) => (r.after == null ? '' : JSON.stringify(r.after)) },
];

type LoginLogRow = Awaited<ReturnType<typeof loginLogRepository.all>>[number];

/** One page of the login log. */
export async function listLoginLog(db: Db, filter: LoginLogFilter) {
  const { rows, total } = await loginLogRepository.list(db, filter);
  return { items: rows as LoginLogItem[], total, page: filter.page, pageSize: filter.pageSize };
}

/** Every login-log row matching the filters, for export. */
export async function allLoginLog(db: Db, filter: Omit<LoginLogFilter, 'page' | 'pageSize'>) {
  return (await loginLogRepository.all(db, filter)) as LoginLogItem[];
}

type LoginLogItem = LoginLogRow & { result: (typeof LOGIN_RESULTS)[number]; factor: (typeof LOGIN_FACTORS)[number] | null };

export const LOGIN_LOG_EXPORT_COLUMNS: ExportColumn<LoginLogItem>[] = [
  { zh: '时间', en: 'Time', width: 20, value: (r) => formatCountyTime(r.at) },
  { zh: '用户名', en: 'User name', value: (r) => r.username },
  { zh: 'IP', en: 'IP', value: (r) => r.ip },
  { zh: '结果', en: 'Result', value: (r) => r.result },
  { zh: '认证方式', en: 'Factors', value: (r) => r.factor },
  { zh: '浏览器', en: 'User agent', width: 60, value: (r) => r.userAgent },
];
