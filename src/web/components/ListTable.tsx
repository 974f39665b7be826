import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../shared/list';
import type { ListController } from '../lib/list';

interface Props<T, F extends object> {
  list: ListController<F>;
  result: UseQueryResult<Page<T>>;
  columns: TableProps<T>['columns'];
  testId: string;
  expandable?: TableProps<T>['expandable'];
}

/** A server-paged, server-sorted table with the house empty text and total. */
export function ListTable<T extends { id: number }, F extends object>({ list, result, columns, testId, expandable }: Props<T, F>) {
  const { t } = useTranslation();
  return (
    <>
      {result.error && <Alert type="error" showIcon title={result.error.message} style={{ marginBottom: 16 }} />}
      <Table<T>
        rowKey="id"
        size="middle"
        data-testid={testId}
        columns={columns}
        dataSource={result.data?.items ?? []}
        loading={result.isFetching}
        expandable={expandable}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('common.empty') }}
        pagination={{
          current: list.params.page,
          pageSize: list.params.pageSize,
          total: result.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
        }}
        onChange={(pagination, _filters, sorter) => list.onTableChange(pagination, sorter)}
      />
    </>
  );
}
