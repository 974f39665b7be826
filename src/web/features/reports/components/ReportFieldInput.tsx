import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Radio, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportField, ReportRow, ScalarValue } from '../../../../shared/rules/report-forms';
import { useLocale } from '../../../lib/i18n';

interface ScalarProps {
  field: ReportField;
  value: ScalarValue | undefined;
  onChange: (value: ScalarValue) => void;
  disabled: boolean;
  enterprises: { id: number; name: string }[];
  status?: 'error' | 'warning';
  testId: string;
}

/** The input of one scalar field (or table cell), by its type. */
export function ScalarInput({ field, value, onChange, disabled, enterprises, status, testId }: ScalarProps) {
  const { t } = useTranslation();
  const en = useLocale() === 'en-US';
  const unit = en ? field.unitEn || field.unitZh : field.unitZh;
  // A report that cannot be changed (submitted, accepted, or read by someone who does not fill it) shows its values.
  if (disabled) return <ReadOnlyValue field={field} value={value} enterprises={enterprises} unit={unit ?? ''} testId={testId} />;
  switch (field.type) {
    case 'number':
    case 'integer':
      return (
        <InputNumber
          data-testid={testId}
          value={typeof value === 'number' ? value : null}
          onChange={(v) => onChange(typeof v === 'number' ? v : null)}
          disabled={disabled}
          status={status}
          precision={field.type === 'integer' ? 0 : undefined}
          suffix={unit || undefined}
          style={{ width: '100%', minWidth: 120 }}
        />
      );
    case 'text':
      return (
        <Input
          data-testid={testId}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
          disabled={disabled}
          status={status}
          maxLength={field.maxLength}
        />
      );
    case 'date':
      return (
        <Input
          data-testid={testId}
          type="date"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value || null)}
          disabled={disabled}
          status={status}
        />
      );
    case 'choice':
      return (
        <Select
          data-testid={testId}
          value={typeof value === 'string' ? value : undefined}
          onChange={(v) => onChange(v ?? null)}
          allowClear
          disabled={disabled}
          status={status}
          style={{ width: '100%', minWidth: 120 }}
          options={(field.options ?? []).map((o) => ({ value: o.value, label: en ? o.labelEn || o.labelZh : o.labelZh }))}
        />
      );
    case 'yesno':
      return (
        <Radio.Group
          data-testid={testId}
          value={typeof value === 'boolean' ? value : undefined}
          onChange={(e) => onChange(e.target.value as boolean)}
          disabled={disabled}
        >
          <Radio value={true}>{t('common.yes')}</Radio>
          <Radio value={false}>{t('common.no')}</Radio>
        </Radio.Group>
      );
    case 'enterprise':
      return (
        <Select
          data-testid={testId}
          value={typeof value === 'number' ? value : undefined}
          onChange={(v) => onChange(v ?? null)}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          disabled={disabled}
          status={status}
          style={{ width: '100%', minWidth: 180 }}
          options={enterprises.map((e) => ({ value: e.id, label: e.name }))}
        />
      );
    default:
      return null;
  }
}

function ReadOnlyValue({ field, value, enterprises, unit, testId }: Pick<ScalarProps, 'field' | 'value' | 'enterprises' | 'testId'> & { unit: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const en = locale === 'en-US';
  const text = (() => {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'number' && field.type === 'enterprise') return enterprises.find((e) => e.id === value)?.name ?? `#${value}`;
    if (typeof value === 'number') return `${value.toLocaleString(locale, { maximumFractionDigits: 6 })}${unit ? ` ${unit}` : ''}`;
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    const option = field.options?.find((o) => o.value === value);
    return option ? (en ? option.labelEn || option.labelZh : option.labelZh) : String(value);
  })();
  return (
    <Typography.Text data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {text}
    </Typography.Text>
  );
}

interface TableProps {
  field: ReportField;
  rows: ReportRow[];
  onChange: (rows: ReportRow[]) => void;
  disabled: boolean;
  enterprises: { id: number; name: string }[];
  problems: Map<string, { message: string; severity: 'error' | 'warning' }>;
}

/** A repeating table: one row per firm or project, rows added and removed by the township. */
export function ReportTableInput({ field, rows, onChange, disabled, enterprises, problems }: TableProps) {
  const { t } = useTranslation();
  const en = useLocale() === 'en-US';
  const setCell = (i: number, key: string, value: ScalarValue) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  return (
    <div>
      <Table<ReportRow & { __i: number }>
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowKey="__i"
        dataSource={rows.map((r, i) => ({ ...r, __i: i }))}
        locale={{ emptyText: disabled ? t('common.empty') : t('reports.noRows') }}
        columns={[
          { title: '#', width: 40, render: (_, r) => r.__i + 1 },
          ...(field.columns ?? []).map((c) => ({
            title: (
              <span>
                {c.required && <span style={{ color: '#ff4d4f' }}>* </span>}
                {en ? c.labelEn || c.labelZh : c.labelZh}
              </span>
            ),
            key: c.key,
            render: (_: unknown, r: ReportRow & { __i: number }) => {
              const p = problems.get(`${field.key}.${r.__i}.${c.key}`);
              return (
                <div>
                  <ScalarInput
                    field={c}
                    value={r[c.key]}
                    onChange={(v) => setCell(r.__i, c.key, v)}
                    disabled={disabled}
                    enterprises={enterprises}
                    status={p?.severity}
                    testId={`field-${field.key}-${r.__i}-${c.key}`}
                  />
                  {p && (
                    <Typography.Text type={p.severity === 'error' ? 'danger' : 'warning'} style={{ fontSize: 12 }}>
                      {p.message}
                    </Typography.Text>
                  )}
                </div>
              );
            },
          })),
          ...(disabled
            ? []
            : [
                {
                  key: 'remove',
                  width: 48,
                  render: (_: unknown, r: ReportRow & { __i: number }) => (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('reports.removeRow')}
                      onClick={() => onChange(rows.filter((_, j) => j !== r.__i))}
                    />
                  ),
                },
              ]),
        ]}
      />
      {!disabled && (
        <Button icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => onChange([...rows, {}])} data-testid={`add-row-${field.key}`}>
          {t('reports.addRow')}
        </Button>
      )}
    </div>
  );
}
