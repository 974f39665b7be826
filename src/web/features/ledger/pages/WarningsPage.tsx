import { Alert, Button, Card, Empty, Flex, Grid, Select, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgressCell, Warnings } from '../../../../shared/modules/indicators.schemas';
import type { WarningLevel } from '../../../../shared/rules/indicator-progress';
import { ExportButton } from '../../../components/ExportButton';
import { PageContainer } from '../../../components/PageContainer';
import { useLocale } from '../../../lib/i18n';
import { useLocalName } from '../../../lib/names';
import { formatValue } from '../../indicators';
import { defaultPlanYear, usePlanYears } from '../../indicators';
import { useTrend, useWarnings } from '../api';
import { shownTimeProgress } from '../../../../shared/rules/indicator-progress';

const TrendChart = lazy(() => import('../components/TrendChart'));
import { LEVEL_COLOURS, LevelTag } from '../components/LevelTag';
import { UnitDrawer } from '../components/UnitDrawer';
import { EnumSelect } from '../../../components/EnumSelect';

type Row = Warnings['indicators'][number];
const LEVELS: WarningLevel[] = ['red', 'yellow', 'green', 'missing'];

const lightStyle = (cell: ProgressCell) => ({
  display: 'inline-block',
  minWidth: 56,
  padding: '2px 6px',
  borderRadius: 10,
  color: '#fff',
  fontSize: 12,
  textAlign: 'center' as const,
  background: LEVEL_COLOURS[cell.level],
  outline: cell.persistentRed ? '2px solid #820014' : undefined,
  outlineOffset: 1,
});

/** One traffic light of the matrix, with the gap as text so the colour is not the only signal. */
function Light({ cell, onOpen }: { cell: ProgressCell | undefined; onOpen?: () => void }) {
  const { t } = useTranslation();
  if (!cell) return <span style={{ color: '#ccc' }}>·</span>;
  const text = cell.gapPp === null ? t('ledger.level.missing') : `${cell.gapPp > 0 ? '+' : ''}${cell.gapPp.toFixed(1)}`;
  return (
    <Tooltip title={`${t(`ledger.level.${cell.level}`)}${cell.gapPp !== null ? ` · ${t('ledger.gap', { gap: cell.gapPp.toFixed(1) })}` : ''}`}>
      {onOpen ? (
        <button
          type="button"
          data-level={cell.level}
          onClick={onOpen}
          style={{ ...lightStyle(cell), border: 'none', cursor: 'pointer', font: 'inherit', fontSize: 12 }}
        >
          {text}
        </button>
      ) : (
        <span data-level={cell.level} style={lightStyle(cell)}>
          {text}
        </span>
      )}
    </Tooltip>
  );
}

/** 预警看板: for one month, the traffic lights of every unit and indicator, and each indicator's ranking. */
export function WarningsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const localName = useLocalName();
  const years = usePlanYears();
  const today = new Date();
  const published = years.data?.items.find((p) => p.year === defaultPlanYear(years.data?.items));
  // A year opens on its last locked month (complete data), else the last month anyone has reported.
  const openingMonth = (year: number) => {
    const plan = years.data?.items.find((p) => p.year === year);
    return (
      plan?.latestLockedMonth ??
      plan?.latestReportedMonth ??
      `${year}-${String(year < today.getFullYear() ? 12 : Math.max(1, today.getMonth())).padStart(2, '0')}`
    );
  };
  const defaultMonth = openingMonth(published?.year ?? today.getFullYear());
  const [month, setMonth] = useState<string | null>(null);
  const [level, setLevel] = useState<WarningLevel | undefined>();
  const [indicatorId, setIndicatorId] = useState<number | undefined>();
  // The level shown: the county's own units until the office drills into a unit below (a province's counties).
  const [parentId, setParentId] = useState<number | undefined>();
  const query = { month: month ?? defaultMonth, level, parentId };
  const [openUnit, setOpenUnit] = useState<ProgressCell['unit'] | null>(null);
  const phone = !Grid.useBreakpoint().md;
  const monthYear = Number(query.month.slice(0, 4));
  // Until the plan years are known the opening month is a guess: wait rather than show a month and jump to another.
  const board = useWarnings(query, month !== null || !years.isPending);
  const data = board.data;

  const decomposed = (data?.indicators ?? []).filter((row) => row.units.length > 0 || !level);
  const unitsInMatrix = new Map<number, ProgressCell['unit']>();
  for (const row of decomposed) for (const cell of row.units) unitsInMatrix.set(cell.unit.id, cell.unit);
  const matrixIndicators = decomposed.filter((row) => row.units.length > 0);

  type MatrixRow = { key: string; unit: ProgressCell['unit']; cells: Map<number, ProgressCell>; county: boolean };
  const countyRow: MatrixRow | null = data?.indicators.some((r) => r.county)
    ? {
        key: 'county',
        unit: data.indicators.find((r) => r.county)?.county?.unit as ProgressCell['unit'],
        cells: new Map(data.indicators.flatMap((r) => (r.county ? [[r.indicator.id, r.county]] : []))),
        county: true,
      }
    : null;
  const matrixRows: MatrixRow[] = [
    ...(countyRow && !level ? [countyRow] : []),
    ...[...unitsInMatrix.values()].map((unit) => ({
      key: String(unit.id),
      unit,
      county: false,
      cells: new Map(matrixIndicators.flatMap((r) => r.units.filter((c) => c.unit.id === unit.id).map((c) => [r.indicator.id, c] as const))),
    })),
  ];
  const matrixColumns: TableColumnsType<MatrixRow> = [
    {
      title: t('indicators.unit'),
      key: 'unit',
      fixed: 'left',
      render: (_, row) =>
        row.county ? (
          <Typography.Text strong>{localName(row.unit)}</Typography.Text>
        ) : (
          <Typography.Link onClick={() => setOpenUnit(row.unit)}>{localName(row.unit)}</Typography.Link>
        ),
    },
    ...(level ? matrixIndicators : (data?.indicators ?? [])).map((r) => ({
      title: <span style={{ whiteSpace: 'nowrap' }}>{localName(r.indicator)}</span>,
      key: String(r.indicator.id),
      align: 'center' as const,
      render: (_: unknown, row: MatrixRow) => <Light cell={row.cells.get(r.indicator.id)} onOpen={row.county ? undefined : () => setOpenUnit(row.unit)} />,
    })),
  ];

  // Until one is chosen, rank an indicator decomposed to units: one held by its department alone ranks nobody.
  const ranksUnits = (r: Row) => r.units.some((c) => !c.answersForCounty);
  const selected: Row | undefined =
    data?.indicators.find((r) => r.indicator.id === indicatorId) ??
    matrixIndicators.find(ranksUnits) ??
    data?.indicators.find(ranksUnits) ??
    matrixIndicators[0] ??
    data?.indicators[0];
  const [trendUnit, setTrendUnit] = useState<number | undefined>();
  const trend = useTrend({ year: monthYear, indicatorId: selected?.indicator.id, unitId: trendUnit });
  const fmt = (v: number | null) => (selected ? formatValue(v, selected.indicator, locale) : '');
  const detailColumns: TableColumnsType<ProgressCell> = [
    { title: t('warnings.rank'), dataIndex: 'rank', key: 'rank', width: 64, render: (r: number | null) => r ?? '—' },
    { title: t('indicators.unit'), key: 'unit', render: (_, c) => localName(c.unit) },
    { title: t('indicators.target'), key: 'target', align: 'right', render: (_, c) => fmt(c.target) },
    { title: t('warnings.ytd'), key: 'ytd', align: 'right', render: (_, c) => fmt(c.ytd) },
    { title: t('warnings.completion'), key: 'completion', align: 'right', render: (_, c) => (c.completion === null ? '—' : `${c.completion.toFixed(1)}%`) },
    {
      title: t('warnings.timeProgress'),
      key: 'tp',
      align: 'right',
      render: (_, c) => {
        const tp = shownTimeProgress(c);
        return tp === null ? '—' : `${tp.toFixed(1)}%`;
      },
    },
    { title: t('warnings.gap'), key: 'gap', align: 'right', render: (_, c) => (c.gapPp === null ? '—' : c.gapPp.toFixed(1)) },
    { title: t('warnings.yoy'), key: 'yoy', align: 'right', render: (_, c) => (c.yoyGrowth === null ? '—' : `${c.yoyGrowth.toFixed(1)}%`) },
    {
      title: t('warnings.level'),
      key: 'level',
      render: (_, c) => (
        <>
          <LevelTag level={c.level} />
          {c.persistentRed && <Tag color="#820014">{t('warnings.persistentRed')}</Tag>}
        </>
      ),
    },
  ];

  const countyUnitId = data?.indicators.find((r) => r.county)?.county?.unit.id;
  // Up one level: to the shown unit's parent, or back to where the board opens when that is the county.
  const levelUp = () => setParentId(data?.parent?.parentId && data.parent.parentId !== countyUnitId ? data.parent.parentId : undefined);

  const monthOptions = Array.from({ length: 12 }, (_, i) => `${monthYear}-${String(i + 1).padStart(2, '0')}`).map((m) => ({ value: m, label: m }));

  return (
    <PageContainer title={t('nav.warnings')} extra={<ExportButton url="/api/indicator-warnings/export.xlsx" query={query} />}>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('indicators.year')}
          data-testid="warnings-year"
          value={monthYear}
          options={[...new Set([...(years.data?.items ?? []).filter((p) => p.status === 'published').map((p) => p.year), monthYear])]
            .sort((a, b) => b - a)
            .map((y) => ({ value: y, label: `${y}` }))}
          onChange={(y) => setMonth(openingMonth(y))}
          style={{ width: 100 }}
        />
        <Select
          aria-label={t('ledger.month')}
          data-testid="warnings-month"
          virtual={false}
          value={query.month}
          options={monthOptions}
          onChange={setMonth}
          style={{ width: 120 }}
        />
        <EnumSelect
          aria-label={t('warnings.level')}
          allowClear
          placeholder={t('warnings.level')}
          value={level}
          onChange={setLevel}
          values={LEVELS}
          label={(l) => t(`ledger.level.${l}`)}
          style={{ width: 120 }}
        />
        {data?.groups && data.groups.length > 0 && (
          <Select
            aria-label={t('warnings.drillDown')}
            data-testid="warnings-drill-down"
            placeholder={t('warnings.drillDown')}
            value={null}
            showSearch
            optionFilterProp="label"
            onChange={(id: number) => setParentId(id)}
            options={data.groups.map((g) => ({ value: g.id, label: localName(g) }))}
            style={{ minWidth: 160 }}
          />
        )}
        {parentId !== undefined && data?.parent && (
          <>
            <Tag>{t('warnings.shownLevel', { name: localName(data.parent) })}</Tag>
            <Button size="small" onClick={levelUp}>
              {t('warnings.levelUp')}
            </Button>
          </>
        )}
        {data && <Tag color={data.locked ? 'blue' : 'default'}>{data.locked ? t('warnings.lockedData') : t('warnings.liveData')}</Tag>}
        <Typography.Text type="secondary">{t('warnings.legend')}</Typography.Text>
      </Flex>
      {board.error && <Alert type="error" showIcon title={board.error.message} />}
      {data && data.indicators.length === 0 ? (
        <Empty description={t('warnings.noPlan')} />
      ) : (
        <>
          {phone && data && <RedUnits board={data} onOpen={setOpenUnit} />}
          <Card
            size="small"
            title={t('warnings.matrix')}
            extra={!phone && <Typography.Text type="secondary">{t('warnings.openUnit')}</Typography.Text>}
            style={{ marginBottom: 16 }}
          >
            <Table<MatrixRow>
              rowKey="key"
              size="small"
              data-testid="warnings-matrix"
              loading={board.isFetching}
              columns={matrixColumns}
              dataSource={matrixRows}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('common.empty') }}
            />
          </Card>
          {selected && (
            <Card
              size="small"
              style={{ marginBottom: 16 }}
              title={
                <Flex gap={8} align="center" wrap>
                  {t('trend.title', { indicator: localName(selected.indicator) })}
                  <Select
                    aria-label={t('indicators.unit')}
                    allowClear
                    placeholder={selected.county ? localName(selected.county.unit) : t('indicators.unit')}
                    value={trendUnit}
                    onChange={setTrendUnit}
                    options={selected.units.map((c) => ({ value: c.unit.id, label: localName(c.unit) }))}
                    style={{ minWidth: 160 }}
                  />
                </Flex>
              }
            >
              {trend.data ? (
                <Suspense fallback={<div style={{ height: 300 }} />}>
                  <TrendChart trend={trend.data} />
                </Suspense>
              ) : (
                <Empty description={trend.error ? trend.error.message : t('trend.none')} />
              )}
            </Card>
          )}
          {selected && (
            <Card
              size="small"
              title={
                <Flex gap={8} align="center" wrap>
                  {t('warnings.ranking')}
                  <Select
                    aria-label={t('indicators.name')}
                    value={selected.indicator.id}
                    onChange={(id) => {
                      setIndicatorId(id);
                      setTrendUnit(undefined);
                    }}
                    options={(data?.indicators ?? []).map((r) => ({ value: r.indicator.id, label: localName(r.indicator) }))}
                    style={{ minWidth: 180 }}
                  />
                </Flex>
              }
            >
              <Table<ProgressCell>
                locale={{ emptyText: t('warnings.notDecomposed') }}
                rowKey={(c) => c.unit.id}
                size="small"
                data-testid="warnings-ranking"
                columns={detailColumns}
                dataSource={selected.units}
                pagination={false}
                scroll={{ x: 'max-content' }}
              />
            </Card>
          )}
        </>
      )}
      {data && <UnitDrawer board={data} month={query.month} unit={openUnit} onClose={() => setOpenUnit(null)} />}
    </PageContainer>
  );
}

/** On a phone the red units come first: per indicator, its red units (persistent red marked), each opening its row. */
function RedUnits({ board, onOpen }: { board: Warnings; onOpen: (unit: ProgressCell['unit']) => void }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const rows = board.indicators
    .map((r) => ({ indicator: r.indicator, red: r.units.filter((c) => c.level === 'red').sort((a, b) => Number(b.persistentRed) - Number(a.persistentRed)) }))
    .filter((r) => r.red.length > 0);
  return (
    <Card size="small" title={t('warnings.redUnits')} style={{ marginBottom: 16 }} data-testid="warnings-red-units">
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t('warnings.noRedUnits')}</Typography.Text>
      ) : (
        <Flex vertical gap={10}>
          {rows.map((r) => (
            <div key={r.indicator.id}>
              <Typography.Text strong>{localName(r.indicator)}</Typography.Text>
              <Flex gap={6} wrap style={{ marginTop: 4 }}>
                {r.red.map((c) => (
                  <Tag
                    key={c.unit.id}
                    color={c.persistentRed ? '#820014' : LEVEL_COLOURS.red}
                    style={{ cursor: 'pointer', marginInlineEnd: 0 }}
                    onClick={() => onOpen(c.unit)}
                  >
                    {localName(c.unit)} {c.gapPp?.toFixed(1)}
                  </Tag>
                ))}
              </Flex>
            </div>
          ))}
        </Flex>
      )}
    </Card>
  );
}
