import { DownloadOutlined, LockOutlined, SaveOutlined, ScheduleOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Empty, Flex, Form, Input, Select, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ExcelImportModal } from '../../../components/ExcelImportModal';
import { PageContainer } from '../../../components/PageContainer';
import { ApiError, download } from '../../../lib/api';
import { useCan } from '../../../lib/auth';
import { useShowError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { useLocalName } from '../../../lib/names';
import { defaultPlanYear, usePlanYears } from '../../indicators';
import { type ValueInput, useLedger, useLockMonth, useSaveValues, useSubmitMonth, useValueHistory } from '../api';
import { type Edits, LedgerGrid } from '../components/LedgerGrid';
import { MonthlyCycleModal } from '../components/MonthlyCycleModal';

const monthString = (year: number, m: number) => `${year}-${String(m + 1).padStart(2, '0')}`;

/** 月度台账: a unit enters, saves and submits its monthly values; the office locks the month. */
export function LedgerPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const can = useCan();
  const localName = useLocalName();
  const showError = useShowError();
  const years = usePlanYears();
  const today = new Date();
  // The warnings board links here with `?month=YYYY-MM&unitId=…`: the unit's sheet opens on that month.
  const [params] = useSearchParams();
  const linkedMonth = /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? (params.get('month') as string) : null;
  const [chosenYear, setYear] = useState<number | null>(linkedMonth ? Number(linkedMonth.slice(0, 4)) : null);
  const year = chosenYear ?? defaultPlanYear(years.data?.items) ?? today.getFullYear();
  const [unitId, setUnitId] = useState<number | null>(Number(params.get('unitId')) || null);
  const ledger = useLedger(year, unitId);
  const data = ledger.data;
  // The last month of the year that can have data: every month of a past year, up to last month of this one.
  const lastEditable = year < today.getFullYear() ? 11 : year > today.getFullYear() ? -1 : Math.max(0, today.getMonth() - 1);
  const [month, setMonth] = useState<number | null>(linkedMonth ? Number(linkedMonth.slice(5)) - 1 : null);
  const current = month ?? Math.max(0, lastEditable);
  const [edits, setEdits] = useState<Edits>(new Map());
  const [explanations, setExplanations] = useState<Map<number, string>>(new Map());
  const [rowErrors, setRowErrors] = useState<Map<number, string>>(new Map());
  const [history, setHistory] = useState<number | null>(null);
  const [editingCycle, setEditingCycle] = useState(false);
  const [importing, setImporting] = useState(false);
  const queryClient = useQueryClient();
  const [reasonForm] = Form.useForm<{ reason: string }>();
  const save = useSaveValues();
  const submit = useSubmitMonth();
  const lock = useLockMonth();

  // The office has no sheet of its own: open the first unit it can see.
  useEffect(() => {
    if (unitId === null && data && data.rows.length === 0 && data.units.length > 0) setUnitId(data.units[0].id);
  }, [data, unitId]);

  const sheetUnit = data?.unit.id ?? unitId;
  const lockedMonths = new Set(data?.lockedMonths ?? []);
  const changed = edits.size > 0 || explanations.size > 0;

  const pendingValues = (): ValueInput[] => {
    if (!data) return [];
    const byKey = new Map<string, ValueInput>();
    for (const [key, value] of edits) {
      const [indicatorId, m] = key.split(':').map(Number);
      const row = data.rows.find((r) => r.indicator.id === indicatorId);
      if (value === null || !row) continue;
      byKey.set(key, {
        indicatorId,
        month: monthString(year, m),
        value,
        explanation: (m === current ? explanations.get(indicatorId) : undefined) ?? row.values[m]?.explanation ?? '',
      });
    }
    // An explanation typed for a saved value is saved with that value.
    for (const [indicatorId, explanation] of explanations) {
      const row = data.rows.find((r) => r.indicator.id === indicatorId);
      const saved = row?.values[current];
      if (saved && !byKey.has(`${indicatorId}:${current}`))
        byKey.set(`${indicatorId}:${current}`, { indicatorId, month: monthString(year, current), value: saved.value, explanation });
    }
    return [...byKey.values()];
  };

  const doSave = (reason?: string) => {
    const values = pendingValues();
    if (!sheetUnit || values.length === 0) return;
    save.mutate(
      { unitId: sheetUnit, values, reason },
      {
        onSuccess: () => {
          setEdits(new Map());
          setExplanations(new Map());
          void message.success(t('ledger.saved'));
        },
        onError: (error) => showError(error),
      },
    );
  };

  const onSave = () => {
    const pending = pendingValues();
    const touchesLocked = pending.some((v) => lockedMonths.has(v.month));
    // A value an accepted report wrote is corrected by the office only, with a reason, as a locked one is.
    const touchesReported = pending.some((v) => {
      const saved = data?.rows.find((r) => r.indicator.id === v.indicatorId)?.values[Number(v.month.slice(5)) - 1];
      return !!saved?.source && saved.value !== v.value;
    });
    if (!touchesLocked && !touchesReported) return doSave();
    reasonForm.resetFields();
    modal.confirm({
      title: touchesReported ? t('ledger.reportedChangeTitle') : t('ledger.lockedChangeTitle'),
      content: (
        <Form form={reasonForm} layout="vertical">
          <Typography.Paragraph>{touchesReported ? t('ledger.reportedChangeHint') : t('ledger.lockedChangeHint')}</Typography.Paragraph>
          <Form.Item name="reason" label={t('ledger.reason')} rules={[{ required: true, message: t('common.required') }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      ),
      okText: t('common.save'),
      cancelText: t('common.cancel'),
      onOk: async () => doSave((await reasonForm.validateFields()).reason),
    });
  };

  const onSubmit = () => {
    if (!sheetUnit) return;
    setRowErrors(new Map());
    submit.mutate(
      { unitId: sheetUnit, month: monthString(year, current) },
      {
        onSuccess: (result) => void message.success(t('ledger.submitted', { count: result.submitted })),
        onError: (error) => {
          showError(error);
          if (error instanceof ApiError && error.fields) {
            setRowErrors(new Map(Object.entries(error.fields).flatMap(([path, text]) => (path.startsWith('values.') ? [[Number(path.slice(7)), text]] : []))));
          }
        },
      },
    );
  };

  const onLock = () =>
    modal.confirm({
      title: t('ledger.lockTitle', { month: monthString(year, current) }),
      content: t('ledger.lockHint'),
      okText: t('ledger.lock'),
      cancelText: t('common.cancel'),
      onOk: () =>
        lock.mutateAsync(monthString(year, current)).then(
          (result) => void message.success(t('ledger.lockedDone', result)),
          (error) => showError(error),
        ),
    });

  const historyItems = useValueHistory(history && sheetUnit ? { indicatorId: history, unitId: sheetUnit, month: monthString(year, current) } : null);
  const canEnter = !!data?.rows.some((r) => r.writable);
  const yearOptions = [...new Set([...(years.data?.items.map((p) => p.year) ?? []), year])].sort((a, b) => b - a).map((y) => ({ value: y, label: `${y}` }));

  return (
    <PageContainer
      title={t('ledger.title')}
      extra={
        <>
          {canEnter && (
            <>
              <Button icon={<SaveOutlined />} disabled={!changed} loading={save.isPending} onClick={onSave} data-testid="ledger-save">
                {t('ledger.save')}
              </Button>
              <Button
                type="primary"
                icon={<SendOutlined />}
                disabled={changed || lockedMonths.has(monthString(year, current))}
                loading={submit.isPending}
                onClick={onSubmit}
                data-testid="ledger-submit"
              >
                {t('ledger.submit', { month: current + 1 })}
              </Button>
            </>
          )}
          {sheetUnit && data && data.rows.length > 0 && (
            <Button
              icon={<DownloadOutlined />}
              onClick={() => download(`/api/indicator-ledger/sheets/${year}/${sheetUnit}/export.xlsx`).catch(showError)}
              data-testid="ledger-export"
            >
              {t('common.export')}
            </Button>
          )}
          {canEnter && (
            <Button icon={<UploadOutlined />} disabled={changed} onClick={() => setImporting(true)} data-testid="ledger-import">
              {t('ledger.import')}
            </Button>
          )}
          {can('indicator:manage') && (
            <Button icon={<ScheduleOutlined />} onClick={() => setEditingCycle(true)}>
              {t('cycle.title')}
            </Button>
          )}
          {can('indicator:lock') && !lockedMonths.has(monthString(year, current)) && (
            <Button danger icon={<LockOutlined />} onClick={onLock} data-testid="ledger-lock">
              {t('ledger.lock')}
            </Button>
          )}
        </>
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 12 }} align="center">
        <Select
          aria-label={t('indicators.year')}
          data-testid="ledger-year"
          value={year}
          options={yearOptions}
          onChange={(y) => {
            setYear(y);
            setEdits(new Map());
          }}
          style={{ width: 100 }}
        />
        <Select
          aria-label={t('indicators.unit')}
          data-testid="ledger-unit"
          value={sheetUnit ?? undefined}
          placeholder={t('indicators.unit')}
          showSearch={{ optionFilterProp: 'label' }}
          options={(data?.units ?? []).map((u) => ({ value: u.id, label: localName(u) }))}
          onChange={(id) => {
            setUnitId(id);
            setEdits(new Map());
            setExplanations(new Map());
          }}
          style={{ width: 200 }}
        />
        <Select
          aria-label={t('ledger.month')}
          data-testid="ledger-month"
          virtual={false}
          value={current}
          options={Array.from({ length: 12 }, (_, m) => ({
            value: m,
            label: `${t('indicators.monthShort', { month: m + 1 })}${lockedMonths.has(monthString(year, m)) ? ` · ${t('ledger.locked')}` : ''}`,
          }))}
          onChange={(m) => {
            setMonth(m);
            setExplanations(new Map());
            setRowErrors(new Map());
          }}
          style={{ width: 130 }}
        />
        {changed && <Typography.Text type="warning">{t('ledger.unsaved')}</Typography.Text>}
      </Flex>
      {lockedMonths.has(monthString(year, current)) && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('ledger.lockedInfo')} />}
      {ledger.error && <Alert type="error" showIcon title={ledger.error.message} />}
      {data && data.rows.length === 0 && data.units.length === 0 ? (
        <Empty description={t('ledger.noSheet', { year })} />
      ) : (
        data && (
          <LedgerGrid
            mayCorrectReported={can('indicator:manage')}
            ledger={data}
            month={current}
            lastEditable={lastEditable}
            edits={edits}
            onEdit={(changes) => setEdits((old) => new Map([...old, ...changes]))}
            explanations={explanations}
            onExplain={(id, text) => setExplanations((old) => new Map(old).set(id, text))}
            rowErrors={rowErrors}
            onHistory={setHistory}
          />
        )
      )}
      {editingCycle && <MonthlyCycleModal onClose={() => setEditingCycle(false)} />}
      {importing && sheetUnit && data && (
        <ExcelImportModal
          title={t('ledger.importTitle', { unit: localName(data.unit), year })}
          templateUrl={`/api/indicator-ledger/sheets/${year}/${sheetUnit}/template.xlsx`}
          importUrl={`/api/indicator-ledger/sheets/${year}/${sheetUnit}/import`}
          hint={t('ledger.importHint')}
          onClose={() => setImporting(false)}
          onImported={(count) => {
            void message.success(t('ledger.imported', { count }));
            void queryClient.invalidateQueries();
            setImporting(false);
          }}
        />
      )}
      <Drawer open={history !== null} onClose={() => setHistory(null)} title={t('ledger.history')} loading={historyItems.isLoading}>
        {(historyItems.data?.items ?? []).length === 0 ? (
          <Empty description={t('ledger.noHistory')} />
        ) : (
          <Timeline
            items={(historyItems.data?.items ?? []).map((h, i) => ({
              key: i,
              content: (
                <>
                  <Typography.Text strong>{t(`ledger.action.${h.action}`)}</Typography.Text>{' '}
                  {h.beforeValue !== null ? `${h.beforeValue} → ${h.afterValue}` : h.afterValue}
                  <div style={{ color: '#888' }}>
                    {formatDateTime(h.changedAt)} · {h.changedBy ?? '—'}
                  </div>
                  {h.reason && <div>{h.reason}</div>}
                </>
              ),
            }))}
          />
        )}
      </Drawer>
    </PageContainer>
  );
}
