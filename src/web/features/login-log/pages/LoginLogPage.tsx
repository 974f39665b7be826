import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Form, Input, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Page } from '../../../../shared/list';
import { LOGIN_RESULTS, type loginLogRowSchema } from '../../../../shared/modules/admin.schemas';
import { DateRangeFilter } from '../../../components/DateRangeFilter';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { api, toQuery } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { useListParams } from '../../../lib/list';
import { EnumSelect } from '../../../components/EnumSelect';

type LoginLogRow = z.infer<typeof loginLogRowSchema>;
type LoginResult = LoginLogRow['result'];

interface Filters {
  from?: string;
  to?: string;
  username?: string;
  result?: LoginResult;
}

const RESULT_COLORS: Record<LoginResult, string> = {
  success: 'green',
  bad_password: 'orange',
  unknown_user: 'orange',
  locked: 'red',
  disabled: 'default',
  mfa_required: 'blue',
  mfa_enrol: 'blue',
  bad_code: 'orange',
};

/** 登录日志: every sign-in attempt. */
export function LoginLogPage() {
  const { t } = useTranslation();
  const [filterForm] = Form.useForm<Filters>();
  const list = useListParams<Filters>({}, { sort: 'at', order: 'desc' });
  const rows = useQuery({
    queryKey: ['login-log', list.query],
    queryFn: () => api.get<Page<LoginLogRow>>(`/api/login-log${toQuery(list.query)}`),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<LoginLogRow> = [
    { title: t('log.at'), dataIndex: 'at', key: 'at', sorter: true, sortOrder: list.sortOrderOf('at'), render: formatDateTime },
    { title: t('log.username'), dataIndex: 'username', key: 'username', sorter: true, sortOrder: list.sortOrderOf('username') },
    {
      title: t('log.result'),
      dataIndex: 'result',
      key: 'result',
      sorter: true,
      sortOrder: list.sortOrderOf('result'),
      render: (result: LoginResult) => <Tag color={RESULT_COLORS[result]}>{t(`loginResult.${result}`)}</Tag>,
    },
    {
      title: t('log.factor'),
      dataIndex: 'factor',
      key: 'factor',
      render: (factor: LoginLogRow['factor']) => (factor ? t(`loginFactor.${factor}`) : '—'),
    },
    { title: t('log.ip'), dataIndex: 'ip', key: 'ip', render: (ip: string | null) => ip ?? '—' },
    {
      title: t('log.userAgent'),
      dataIndex: 'userAgent',
      key: 'userAgent',
      render: (agent: string | null) => (
        <Typography.Text ellipsis={{ tooltip: agent }} style={{ maxWidth: 320 }}>
          {agent ?? '—'}
        </Typography.Text>
      ),
    },
  ];

  return (
    <PageContainer title={t('nav.loginLog')} extra={<ExportButton url="/api/login-log/export.xlsx" query={list.exportQuery} />}>
      <FilterBar form={filterForm} testId="login-log-filters" onSearch={list.setFilters}>
        <DateRangeFilter openEnded />
        <Form.Item name="username">
          <Input allowClear placeholder={t('log.username')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="result">
          <EnumSelect allowClear placeholder={t('log.result')} style={{ width: 160 }} values={LOGIN_RESULTS} label={(result) => t(`loginResult.${result}`)} />
        </Form.Item>
      </FilterBar>
      <ListTable list={list} result={rows} columns={columns} testId="login-log-table" />
    </PageContainer>
  );
}
