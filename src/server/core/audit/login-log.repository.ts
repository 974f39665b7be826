import { countyDayEndUtc, countyDayStartUtc } from '../../../shared/dates';
import type { LOGIN_LOG_SORTS } from '../../../shared/modules/admin.schemas';
import type { Executor } from '../db/database';
import { type PageRequest, allRows, paginate } from '../db/paging';

export interface LoginLogFilter extends PageRequest<(typeof LOGIN_LOG_SORTS)[number]> {
  from?: string;
  to?: string;
  username?: string;
  result?: string;
}

const SORTS = { at: 'id', username: 'username', result: 'result' } as const;

function filtered(db: Executor, f: Omit<LoginLogFilter, 'page' | 'pageSize'>) {
  let qb = db.selectFrom('loginLog').select(['id', 'at', 'username', 'ip', 'userAgent', 'result', 'factor']);
  if (f.from) qb = qb.where('at', '>=', countyDayStartUtc(f.from));
  if (f.to) qb = qb.where('at', '<', countyDayEndUtc(f.to));
  if (f.username) qb = qb.where('username', '=', f.username);
  if (f.result) qb = qb.where('result', '=', f.result);
  return qb;
}

/** SQL for reading the login log (rows are written by sign-in). */
export const loginLogRepository = {
  list: (db: Executor, f: LoginLogFilter) => paginate(filtered(db, f), f, SORTS, 'at', 'id'),
  all: (db: Executor, f: Omit<LoginLogFilter, 'page' | 'pageSize'>) => allRows(filtered(db, f), f, SORTS, 'at', 'id'),
};
