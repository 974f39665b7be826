import { HistoryOutlined, LockOutlined } from '@ant-design/icons';
import { Button, Grid, Input, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { type ClipboardEvent, type ComponentProps, type KeyboardEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ledger, LedgerRow } from '../../../../shared/modules/indicators.schemas';
import { indicatorProgress } from '../../../../shared/rules/indicator-progress';
import { useLocale } from '../../../lib/i18n';
import { useLocalName } from '../../../lib/names';
import { formatValue } from '../../indicators';
import { LevelTag } from './LevelTag';

/** Edited cells by `indicatorId:monthIndex`; null clears the cell in the grid (the saved value stays). */
export type Edits = Map<string, number | null>;
export const cellKey = (indicatorId: number, monthIndex: number) => `${indicatorId}:${monthIndex}`;

interface Props {
  ledger: Ledger;
  /** 0-based month the progress, explanation and submission refer to. */
  month: number;
  /** The last month that can be entered (0-based): no values for months still to come. */
  lastEditable: number;
  edits: Edits;
  onEdit: (changes: [string, number | null][]) => void;
  explanations: Map<number, string>;
  onExplain: (indicatorId: number, text: string) => void;
  rowErrors: Map<number, string>;
  onHistory: (indicatorId: number) => void;
  /** The office corrects values that came from an accepted report (with a reason); everyone else sees them as text. */
  mayCorrectReported: boolean;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i);

/** Parses a typed or pasted number: grouping commas and spaces are ignored, empty means cleared. */
function parseNumber(text: string): number | null | undefined {
  const clean = text.replace(/[,\s，]/g, '');
  if (clean === '') return null;
  const n = Number(clean);
  return Number.isFinite(n) ? n : undefined;
}

/** A value as the ledger shows it at rest: grouped thousands, the decimals as entered. */
const grouped = (value: number, locale: string) => value.toLocaleString(locale, { maximumFractionDigits: 6 });

/**
 * One editable cell: grouped thousands at rest, the plain number while typing (so "12." can become "12.5"); every
 * change that is a number reaches the sheet at once.
 */
function CellInput({
  value,
  locale,
  onValue,
  ...input
}: { value: number | null; locale: string; onValue: (v: number | null) => void } & Omit<ComponentProps<'input'>, 'value' | 'onChange'>) {
  const [typing, setTyping] = useState<string | null>(null);
  return (
    <input
      {...input}
      inputMode="decimal"
      value={typing ?? (value === null ? '' : grouped(value, locale))}
      onFocus={() => setTyping(value === null ? '' : String(value))}
      onBlur={() => setTyping(null)}
      onChange={(e) => {
        setTyping(e.target.value);
        const parsed = parseNumber(e.target.value);
        if (parsed !== undefined) onValue(parsed);
      }}
    />
  );
}

/**
 * The monthly ledger of one unit as a spreadsheet: arrow keys and Enter move between cells, and a block copied
 * from Excel pastes into the cells from the one in focus, rows down and months across.
 */
export function LedgerGrid({ ledger, month, lastEditable, edits, onEdit, explanations, onExplain, rowErrors, onHistory, mayCorrectReported }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localName = useLocalName();
  // On a phone only the indicator's name stays fixed: pinned progress and explanation columns would cover every month.
  const phone = !Grid.useBreakpoint().md;
  // Bring the month being worked on into view; the indicator names and the progress stay fixed at the sides.
  // After the table has laid out its columns (on the first render the scroll area is not measured yet).
  useEffect(() => {
    const timer = setTimeout(() => document.querySelector(`[data-cell="0:${month}"]`)?.scrollIntoView({ inline: 'center', block: 'nearest' }), 50);
    return () => clearTimeout(timer);
  }, [month]);
  const locked = new Set(ledger.lockedMonths.map((m) => Number(m.slice(5)) - 1));
  const rows = ledger.rows;

  const cellValue = (row: LedgerRow, m: number): number | null => {
    const key = cellKey(row.indicator.id, m);
    return edits.has(key) ? (edits.get(key) ?? null) : (row.values[m]?.value ?? null);
  };
  const editable = (row: LedgerRow, m: number) => row.writable && m <= lastEditable && (!row.values[m]?.source || mayCorrectReported);

  const focusCell = (r: number, m: number) => {
    document.querySelector<HTMLInputElement>(`input[data-cell="${r}:${m}"]`)?.focus();
  };
  const onKeyDown = (r: number, m: number) => (e: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], Enter: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[e.key];
    if (!move) return;
    // Left and right move between cells only at the edge of the text, as in a spreadsheet's edit mode.
    const input = e.currentTarget;
    if (e.key === 'ArrowLeft' && input.selectionStart !== 0) return;
    if (e.key === 'ArrowRight' && input.selectionEnd !== input.value.length) return;
    e.preventDefault();
    focusCell(r + move[0], m + move[1]);
  };
  const onPaste = (r: number, m: number) => (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.trim())) return;
    e.preventDefault();
    const changes: [string, number | null][] = [];
    text
      .replace(/\r/g, '')
      .replace(/\n$/, '')
      .split('\n')
      .forEach((line, dr) => {
        line.split('\t').forEach((cell, dm) => {
          const row = rows[r + dr];
          const value = parseNumber(cell);
          if (row && value !== undefined && editable(row, m + dm) && m + dm < 12) changes.push([cellKey(row.indicator.id, m + dm), value]);
        });
      });
    onEdit(changes);
  };

  const monthColumn = (m: number) => ({
    title: (
      <span style={locked.has(m) ? { color: '#888' } : undefined}>
        {t('indicators.monthShort', { month: m + 1 })}
        {locked.has(m) && <LockOutlined style={{ marginLeft: 4 }} aria-label={t('ledger.locked')} />}
      </span>
    ),
    key: `m${m}`,
    width: 84,
    className: m === month ? 'ledger-current' : undefined,
    render: (_: unknown, row: LedgerRow, r: number) => {
      const key = cellKey(row.indicator.id, m);
      const saved = row.values[m];
      const value = cellValue(row, m);
      const status = edits.has(key) ? 'edited' : saved?.source ? 'reported' : locked.has(m) && saved ? 'locked' : (saved?.status ?? 'empty');
      const tip = saved?.source ? t('ledger.reportedTip', { source: saved.explanation }) : saved?.explanation || undefined;
      const label = `${localName(row.indicator)} ${t('indicators.monthShort', { month: m + 1 })}`;
      // What the viewer cannot change is shown as text, not as a greyed box.
      return (
        <Tooltip title={tip}>
          {editable(row, m) ? (
            <CellInput
              className={`ledger-cell ledger-${status}`}
              data-cell={`${r}:${m}`}
              aria-label={label}
              locale={locale}
              value={value}
              onValue={(v) => onEdit([[key, v]])}
              onKeyDown={onKeyDown(r, m)}
              onPaste={onPaste(r, m)}
            />
          ) : (
            <span className={`ledger-cell ledger-text ledger-${status}`} data-cell={`${r}:${m}`}>
              {value === null ? '' : grouped(value, locale)}
            </span>
          )}
        </Tooltip>
      );
    },
  });

  const progressOf = (row: LedgerRow) =>
    indicatorProgress({
      kind: row.indicator.kind,
      direction: row.indicator.direction,
      target: row.target,
      month: month + 1,
      values: MONTHS.map((m) => cellValue(row, m)),
      lastYear: row.lastYear,
      startOfYear: row.startOfYear ?? undefined,
      planCurve: row.planCurve ?? undefined,
      yellowBandPp: row.indicator.yellowBandPp ?? undefined,
    });

  const columns: TableColumnsType<LedgerRow> = [
    {
      title: t('indicators.name'),
      key: 'indicator',
      fixed: 'left',
      width: phone ? 112 : 180,
      render: (_, row) => (
        <>
          <Typography.Text strong>{localName(row.indicator)}</Typography.Text>
          <div style={{ color: '#888', fontSize: 12 }}>
            {t(`indicators.kinds.${row.indicator.kind}`)} · {(locale === 'en-US' && row.indicator.unitEn) || row.indicator.unitZh}
          </div>
        </>
      ),
    },
    {
      title: t('indicators.target'),
      key: 'target',
      width: 96,
      align: 'right',
      render: (_, row) => (
        <>
          {formatValue(row.target, row.indicator, locale)}
          {row.startOfYear !== null && (
            <div style={{ color: '#888', fontSize: 12 }}>{t('ledger.fromStart', { start: formatValue(row.startOfYear, row.indicator, locale) })}</div>
          )}
        </>
      ),
    },
    ...MONTHS.map(monthColumn),
    {
      title: t('ledger.progressAt', { month: month + 1 }),
      key: 'progress',
      fixed: phone ? undefined : 'right',
      width: 170,
      render: (_, row) => {
        const p = progressOf(row);
        return (
          <div data-testid={`progress-${row.indicator.code}`}>
            <LevelTag level={p.level} />
            {p.gapPp !== null && (
              <span style={{ fontSize: 12 }}>
                {p.completion !== null && `${t('ledger.completion')} ${p.completion.toFixed(1)}% · `}
                {t('ledger.gap', { gap: p.gapPp.toFixed(1) })}
              </span>
            )}
            {p.yoyGrowth !== null && <div style={{ fontSize: 12, color: '#888' }}>{t('ledger.yoy', { growth: p.yoyGrowth.toFixed(1) })}</div>}
          </div>
        );
      },
    },
    {
      title: t('ledger.explanation', { month: month + 1 }),
      key: 'explanation',
      fixed: phone ? undefined : 'right',
      width: 200,
      render: (_, row) =>
        !row.writable ? (
          <Typography.Text>{row.values[month]?.explanation ?? ''}</Typography.Text>
        ) : (
          <>
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 3 }}
              maxLength={500}
              disabled={!row.writable}
              status={rowErrors.has(row.indicator.id) ? 'error' : undefined}
              value={explanations.get(row.indicator.id) ?? row.values[month]?.explanation ?? ''}
              onChange={(e) => onExplain(row.indicator.id, e.target.value)}
              aria-label={`${localName(row.indicator)} ${t('ledger.explanation', { month: month + 1 })}`}
            />
            {rowErrors.has(row.indicator.id) && <Typography.Text type="danger">{rowErrors.get(row.indicator.id)}</Typography.Text>}
          </>
        ),
    },
    {
      title: '',
      key: 'history',
      fixed: phone ? undefined : 'right',
      width: 44,
      render: (_, row) => (
        <Button type="text" size="small" icon={<HistoryOutlined />} aria-label={t('ledger.history')} onClick={() => onHistory(row.indicator.id)} />
      ),
    },
  ];

  return (
    <>
      <style>{`
        .ledger-cell { width: 100%; box-sizing: border-box; text-align: right; border: 1px solid #d9d9d9; border-radius: 4px; padding: 3px 6px; font: inherit; font-variant-numeric: tabular-nums; }
        .ledger-cell:focus { outline: 2px solid #1f4e99; border-color: #1f4e99; }
        .ledger-text { display: block; min-height: 26px; border-color: transparent; color: #333; }
        .ledger-text.ledger-locked, .ledger-text.ledger-submitted { background: transparent; }
        .ledger-draft { background: #fff7e6; }
        .ledger-edited { background: #e6f4ff; }
        .ledger-locked { background: #f5f5f5; }
        .ledger-reported { background: #f6ffed; }
        .ledger-current { background: #f0f5ff !important; }
        .ledger-swatch { display: inline-block; width: 12px; height: 12px; border: 1px solid #d9d9d9; vertical-align: middle; margin: 0 4px 0 12px; }
      `}</style>
      <div className="ledger-legend" style={{ fontSize: 12, color: '#666', marginBottom: 8 }}>
        <i className="ledger-swatch" style={{ background: '#e6f4ff' }} />
        {t('ledger.legend.edited')}
        <i className="ledger-swatch" style={{ background: '#fff7e6' }} />
        {t('ledger.legend.draft')}
        <i className="ledger-swatch" />
        {t('ledger.legend.submitted')}
        <i className="ledger-swatch" style={{ background: '#f5f5f5' }} />
        {t('ledger.legend.locked')}
        <i className="ledger-swatch" style={{ background: '#f6ffed' }} />
        {t('ledger.legend.reported')}
        <Tag style={{ marginLeft: 12 }}>{t('ledger.keyboardHint')}</Tag>
      </div>
      <Table<LedgerRow>
        rowKey={(row) => row.indicator.id}
        size="small"
        bordered
        data-testid="ledger-grid"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('ledger.noRows') }}
      />
    </>
  );
}
