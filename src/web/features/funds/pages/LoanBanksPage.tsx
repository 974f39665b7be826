import { Alert, App, Button, Card, Form, InputNumber, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BankTotalsRow } from '../../../../shared/modules/funds.schemas';
import { ExportButton } from '../../../components/ExportButton';
import { PageContainer } from '../../../components/PageContainer';
import { useMe } from '../../../lib/auth';
import { useLocalName } from '../../../lib/names';
import { useBankTotals, useLoanOptions, useSaveLoanSettings } from '../api';
import { yuan } from '../components/bits';
import { useSaveForm } from '../../../lib/save-form';

/** Guaranteed loans per bank: loans, lent, outstanding and outstanding overdue, with totals and export; the grace setting. */
export function LoanBanksPage() {
  const { t } = useTranslation();
  const localName = useLocalName();
  const totals = useBankTotals();
  const { data: me } = useMe();
  const canManage = !!me?.permissions.includes('fund:loan_manage');
  const data = totals.data;
  return (
    <PageContainer title={t('nav.fundLoanBanks')} extra={<ExportButton url="/api/funds/loans/by-bank/export.xlsx" query={{}} />}>
      {totals.error && <Alert type="error" showIcon title={totals.error.message} />}
      <Typography.Paragraph type="secondary">{t('loans.banksHint')}</Typography.Paragraph>
      <Card size="small">
        <Table<BankTotalsRow>
          rowKey={(r) => r.bank.id}
          size="middle"
          data-testid="bank-totals"
          loading={totals.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={data?.items ?? []}
          locale={{ emptyText: t('loans.empty') }}
          columns={[
            { title: t('loans.bank'), key: 'bank', render: (_, r) => localName(r.bank) },
            { title: t('loans.loans'), dataIndex: 'loans', key: 'loans', align: 'right' },
            { title: t('loans.active'), dataIndex: 'active', key: 'active', align: 'right' },
            {
              title: t('loans.overdueCount'),
              key: 'overdue',
              align: 'right',
              render: (_, r) => (r.overdue ? <Typography.Text type="danger">{r.overdue}</Typography.Text> : 0),
            },
            { title: t('loans.lent'), key: 'amount', align: 'right', render: (_, r) => yuan(r.amountFen) },
            {
              title: t('loans.outstanding'),
              key: 'outstanding',
              align: 'right',
              render: (_, r) => <span data-testid="bank-outstanding">{yuan(r.outstandingFen)}</span>,
            },
            { title: t('loans.overdueOutstanding'), key: 'overdueOutstanding', align: 'right', render: (_, r) => yuan(r.overdueOutstandingFen) },
          ]}
          summary={() =>
            data && data.items.length > 1 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{t('loans.totals')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {data.totals.loans}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {data.totals.active}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {data.totals.overdue}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {yuan(data.totals.amountFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  {yuan(data.totals.outstandingFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right">
                  {yuan(data.totals.overdueOutstandingFen)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
      {canManage && <GraceSetting />}
    </PageContainer>
  );
}

function GraceSetting() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const options = useLoanOptions();
  const save = useSaveLoanSettings();
  const [form] = Form.useForm<{ graceDays: number }>();
  const saveForm = useSaveForm(form, (v: { graceDays: number }) => save.mutateAsync(v), { onDone: () => void message.success(t('loans.settingsSaved')) });
  if (!options.data) return null;
  return (
    <Card size="small" style={{ marginTop: 12 }} title={t('loans.graceDays')}>
      <Form form={form} layout="inline" initialValues={options.data.settings} onFinish={saveForm.onFinish}>
        <Space wrap>
          <Form.Item name="graceDays" rules={[{ required: true, message: t('common.required') }]} style={{ marginBottom: 0 }}>
            <InputNumber min={0} max={30} precision={0} />
          </Form.Item>
          <Button htmlType="submit" loading={save.isPending}>
            {t('loans.save')}
          </Button>
        </Space>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('loans.graceHint')}
      </Typography.Paragraph>
    </Card>
  );
}
