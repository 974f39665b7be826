import type { TablePaginationConfig } from 'antd';
import type { SorterResult, SortOrder } from 'antd/es/table/interface';
import { useState } from 'react';

export type Order = 'asc' | 'desc';

export interface ListParams<F> {
  page: number;
  pageSize: number;
  sort?: string;
  order?: Order;
  filters: F;
}

/** Paging, sorting and filters of one server-side list, in the shape of the list's query string. */
export function useListParams<F extends object>(initialFilters: F, initialSort?: { sort: string; order: Order }) {
  const [params, setParams] = useState<ListParams<F>>({ page: 1, pageSize: 20, ...initialSort, filters: initialFilters });

  return {
    params,
    /** The query-string values: paging, sorting and filters. */
    query: { page: params.page, pageSize: params.pageSize, sort: params.sort, order: params.order, ...params.filters },
    /** The export has the same filters and order as the table, without paging. */
    exportQuery: { sort: params.sort, order: params.order, ...params.filters },
    setFilters: (filters: F) => setParams((old) => ({ ...old, filters, page: 1 })),
    onTableChange: <T>(pagination: TablePaginationConfig, sorter: SorterResult<T> | SorterResult<T>[]) => {
      const first = Array.isArray(sorter) ? sorter[0] : sorter;
      const order = first?.order === 'ascend' ? 'asc' : first?.order === 'descend' ? 'desc' : undefined;
      setParams((old) => ({
        ...old,
        page: pagination.current ?? 1,
        pageSize: pagination.pageSize ?? old.pageSize,
        sort: order ? String(first?.columnKey ?? first?.field) : undefined,
        order,
      }));
    },
    sortOrderOf: (column: string): SortOrder => (params.sort === column ? (params.order === 'desc' ? 'descend' : 'ascend') : null),
  };
}

export type ListController<F extends object> = ReturnType<typeof useListParams<F>>;
