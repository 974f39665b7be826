import { z } from 'zod';
import { strictInt } from './ids';

/** Paging and sorting shared by every list endpoint; `sort` is checked against each list's own columns. */
export const listQuery = {
  page: strictInt(1, 1_000_000).default(1),
  pageSize: strictInt(1, 200).default(20),
  sort: z.string().max(40).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
};

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A response schema for one page of items. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

/** Query-string booleans arrive as text. */
export const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');
