import { Table, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';

interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Field-by-field rows of two snapshots; a created or deleted record has only one side. */
function diffRows(before: unknown, after: unknown): DiffRow[] {
  if (!isRecord(before) && !isRecord(after)) {
    return before === undefined && after === undefined ? [] : [{ field: '', before, after, changed: !same(before, after) }];
  }
  const left = isRecord(before) ? before : {};
  const right = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  return fields.map((field) => ({ field, before: left[field], after: right[field], changed: !same(left[field], right[field]) }));
}

function Value({ value }: { value: unknown }) {
  if (value === undefined || value === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return <span style={{ wordBreak: 'break-all' }}>{text}</span>;
}

/** The before/after of one audit row as a table; changed fields are highlighted. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Table<DiffRow>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={diffRows(before, after)}
      locale={{ emptyText: t('audit.noSnapshot') }}
      onRow={(row) => ({ style: row.changed ? { background: token.colorWarningBg } : undefined })}
      columns={[
        { title: t('audit.field'), dataIndex: 'field', width: 200, render: (field: string) => <code>{field || '—'}</code> },
        { title: t('audit.before'), dataIndex: 'before', render: (value: unknown) => <Value value={value} /> },
        { title: t('audit.after'), dataIndex: 'after', render: (value: unknown) => <Value value={value} /> },
      ]}
      data-testid="audit-diff"
    />
  );
}
