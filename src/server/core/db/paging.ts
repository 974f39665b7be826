import type { SelectQueryBuilder } from 'kysely';

export interface PageRequest<S extends string = string> {
  page: number;
  pageSize: number;
  sort?: S;
  order: 'asc' | 'desc';
}

/**
 * Runs a filtered query as one page plus the total count. `sortColumns` maps the API's sort names to columns,
 * so only whitelisted columns reach ORDER BY; `tieBreaker` keeps pages stable. `counted`, when given, is the same
 * filter without what only the page's rows need (joins for names), so the count does not look them up for every row.
 */
export async function paginate<O, S extends string>(
  qb: SelectQueryBuilder<any, any, O>,
  request: PageRequest<S>,
  sortColumns: Record<S, string>,
  defaultSort: S,
  tieBreaker: string,
  counted: SelectQueryBuilder<any, any, unknown> = qb,
): Promise<{ rows: O[]; total: number }> {
  const countRow = await counted
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirst();
  const column = sortColumns[request.sort ?? defaultSort];
  const rows = await qb
    .orderBy(column, request.order)
    .orderBy(tieBreaker, request.order)
    .limit(request.pageSize)
    .offset((request.page - 1) * request.pageSize)
    .execute();
  return { rows, total: Number((countRow as { total?: number } | undefined)?.total ?? 0) };
}

/** All rows of a filtered query in the list's order, capped, for Excel export of exactly what the list shows. */
export async function allRows<O, S extends string>(
  qb: SelectQueryBuilder<any, any, O>,
  request: Omit<PageRequest<S>, 'page' | 'pageSize'>,
  sortColumns: Record<S, string>,
  defaultSort: S,
  tieBreaker: string,
  cap = 100_000,
): Promise<O[]> {
  return qb
    .orderBy(sortColumns[request.sort ?? defaultSort], request.order)
    .orderBy(tieBreaker, request.order)
    .limit(cap)
    .execute();
}
