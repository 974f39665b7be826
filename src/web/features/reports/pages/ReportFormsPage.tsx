import { Button, Card, Collapse, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportForm } from '../../../../shared/modules/reports.schemas';
import type { ReportField } from '../../../../shared/rules/report-forms';
import { PageContainer } from '../../../components/PageContainer';
import { useCan } from '../../../lib/auth';
import { useLocale } from '../../../lib/i18n';
import { useReportForm, useReportForms } from '../api';
import { FormSettingsModal, NewVersionModal } from '../components/FormSettingsModals';

/** 报表设计: the forms, their fields, rules and versions, as the office defined them. */
export function ReportFormsPage() {
  const { t } = useTranslation();
  const en = useLocale() === 'en-US';
  const forms = useReportForms();
  const [open, setOpen] = useState<number | null>(null);
  const can = useCan();
  const [settings, setSettings] = useState<ReportForm | null>(null);
  const [versioning, setVersioning] = useState<ReportForm | null>(null);
  const detail = useReportForm(open);
  const label = (x: { labelZh: string; labelEn: string }) => (en ? x.labelEn || x.labelZh : x.labelZh);
  const describeField = (f: ReportField) =>
    [
      t(`reports.fieldType.${f.type}`),
      f.unitZh ? (en ? f.unitEn || f.unitZh : f.unitZh) : '',
      f.min !== undefined || f.max !== undefined ? `[${f.min ?? '−∞'}, ${f.max ?? '+∞'}]` : '',
      f.options ? f.options.map(label).join(' / ') : '',
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <PageContainer title={t('reports.formsTitle')}>
      <Table<ReportForm>
        rowKey="id"
        size="small"
        loading={forms.isLoading}
        dataSource={forms.data?.items ?? []}
        pagination={false}
        // Each column as wide as its text: on a phone the table scrolls sideways instead of one character per line.
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowKeys: open ? [open] : [],
          onExpand: (expanded, r) => setOpen(expanded ? r.id : null),
          expandedRowRender: () =>
            detail.data ? (
              <div>
                {detail.data.definition.sections.map((s) => (
                  <Card key={s.key} size="small" title={en ? s.titleEn || s.titleZh : s.titleZh} style={{ marginBottom: 8 }}>
                    <Descriptions size="small" column={1}>
                      {s.fields.map((f) => (
                        <Descriptions.Item key={f.key} label={label(f)}>
                          {f.required && <Tag color="red">{t('reports.required')}</Tag>}
                          {f.indicatorCode && <Tag color="blue">{t('reports.mapsTo', { code: f.indicatorCode })}</Tag>}
                          {describeField(f)}
                          {f.columns && <div>{f.columns.map((c) => `${label(c)}（${describeField(c)}）`).join('；')}</div>}
                        </Descriptions.Item>
                      ))}
                    </Descriptions>
                  </Card>
                ))}
                <Collapse
                  size="small"
                  items={[
                    {
                      key: 'rules',
                      label: t('reports.rules', { count: detail.data.definition.rules.length }),
                      children: detail.data.definition.rules.map((r) => (
                        <div key={r.key}>
                          <Tag color={r.severity === 'error' ? 'red' : 'orange'}>{t(`reports.severity.${r.severity}`)}</Tag>
                          {en ? r.messageEn || r.messageZh : r.messageZh}
                        </div>
                      )),
                    },
                  ]}
                />
              </div>
            ) : null,
        }}
        columns={[
          { title: t('reports.form'), key: 'name', render: (_, f) => (en ? f.nameEn : f.nameZh) },
          { title: t('reports.period'), key: 'period', render: () => t('reports.monthly') },
          { title: t('reports.startMonth'), dataIndex: 'startMonth', key: 'start' },
          { title: t('reports.dueRule'), key: 'due', render: (_, f) => t('reports.dueRuleText', { n: f.dueWorkingDay }) },
          { title: t('reports.reporters'), key: 'units', render: (_, f) => (f.allTownships ? t('reports.allTownships') : t('reports.listedUnits')) },
          { title: t('reports.version'), key: 'version', render: (_, f) => `v${f.currentVersion}` },
          {
            title: t('reports.status'),
            key: 'active',
            render: (_, f) => (f.active ? <Tag color="success">{t('reports.active')}</Tag> : <Tag>{t('reports.inactive')}</Tag>),
          },
          ...(can('report_form:manage')
            ? [
                {
                  title: t('reports.actions'),
                  key: 'actions',
                  render: (_: unknown, f: ReportForm) => (
                    <Space>
                      <Button size="small" onClick={() => setSettings(f)}>
                        {t('reports.settings')}
                      </Button>
                      <Button size="small" onClick={() => setVersioning(f)}>
                        {t('reports.newVersion')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormSettingsModal form={settings} onClose={() => setSettings(null)} />
      <NewVersionModal form={versioning} onClose={() => setVersioning(null)} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('reports.formsHint')}
      </Typography.Paragraph>
    </PageContainer>
  );
}
