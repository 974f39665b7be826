import { createHash } from 'node:crypto';

/** The fields of an audit row that its hash covers. */
export interface ChainedFields {
  at: string;
  actorUserId: number | null;
  actorUsername: string | null;
  actorUnitId: number | null;
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** sha256 over the previous hash and the row's fields in a fixed order; any edit to a row breaks its link. */
export function chainHash(prevHash: string, row: ChainedFields): string {
  const canonical = JSON.stringify([
    prevHash,
    row.at,
    row.actorUserId,
    row.actorUsername,
    row.actorUnitId,
    row.ip,
    row.action,
    row.entityType,
    row.entityId,
    row.beforeJson,
    row.afterJson,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

const SECRET_KEY = /password|secret|token|hash/i;

/**
 * A value as JSON with secret-looking fields replaced, so audit rows never hold credentials. The replacer masks in the
 * one pass JSON.stringify makes anyway, instead of copying the value first (every business write audits two images).
 */
export function maskedJson(value: unknown): string {
  return JSON.stringify(value, (key, inner) => (key !== '' && SECRET_KEY.test(key) ? '***' : inner));
}
