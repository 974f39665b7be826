import { FileTextOutlined, FlagOutlined, TableOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Flex, List, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ProgressCell, Warnings } from '../../../../shared/modules/indicators.schemas';
import { useCan } from '../../../lib/auth';
import { useShowError } from '../../../lib/errors';
import { useLocalName } from '../../../lib/names';
import { TaskStatusTag } from '../../tasks';
import { useAskLaggingUnit, useDraftUnitLetter, useUnitFollowUp } from '../api';
import { LevelTag } from './LevelTag';

type Row = Warnings['indicators'][number];
type UnitRow = { indicator: Row['indicator']; cell: ProgressCell };

/**
 * One unit's month from the warnings board: its row of indicators and what the office can do about it — ask for a
 * written explanation (the month's 督办 task), draft the reminder letter of a locked month, read the unit's ledger.
 */
export function UnitDrawer({ board, month, unit, onClose }: { board: Warnings; month: string; unit: ProgressCell['unit'] | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const localName = useLocalName();
  const showError = useShowError();
  const navigate = useNavigate();
  const rows: UnitRow[] = board.indicators.flatMap((r) => r.units.filter((c) => c.unit.id === unit?.id).map((cell) => ({ indicator: r.indicator, cell })));
  const lagging = rows.some((r) => r.cell.level === 'red' || r.cell.level === 'missing');
  const mayTask = can('task:assign');
  const mayLetter = can('document:draft') && board.locked;
  const { tasks, letters } = useUnitFollowUp(month, unit?.id, { tasks: can('task:read'), letters: can('document:read') });
  const ask = useAskLaggingUnit();
  const draft = useDraftUnitLetter();
  const task = tasks.data?.items[0];
  // A unit has one reminder letter per month: once drafted or issued it is listed below, not offered again.
  const hasLetter = (letters.data?.items.length ?? 0) > 0;

  const columns: TableColumnsType<UnitRow> = [
    { title: t('indicators.name'), key: 'name', render: (_, r) => localName(r.indicator) },
    {
      title: t('warnings.level'),
      key: 'level',
      render: (_, r) => (
        <Flex gap={4} wrap>
          <LevelTag level={r.cell.level} />
          {r.cell.persistentRed && <Tag color="#820014">{t('warnings.persistentRed')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('warnings.completion'),
      key: 'completion',
      align: 'right',
      render: (_, r) => (r.cell.completion === null ? '—' : `${r.cell.completion.toFixed(1)}%`),
    },
    { title: t('warnings.gap'), key: 'gap', align: 'right', render: (_, r) => (r.cell.gapPp === null ? '—' : r.cell.gapPp.toFixed(1)) },
  ];

  return (
    <Drawer open={unit !== null} onClose={onClose} title={unit ? `${localName(unit)} · ${month}` : ''} size="large" data-testid="unit-drawer">
      {unit && (
        <Flex vertical gap={16}>
          <Flex gap={8} wrap data-testid="unit-actions">
            <Link to={`/indicators/ledger?month=${month}&unitId=${unit.id}`}>
              <Button icon={<TableOutlined />}>{t('warnings.unit.ledger')}</Button>
            </Link>
            {mayTask && lagging && !task && (
              <Button
                icon={<FlagOutlined />}
                loading={ask.isPending}
                data-testid="unit-ask"
                onClick={() =>
                  ask.mutate(
                    { month, unitId: unit.id },
                    {
                      onSuccess: (res) => message.success(t(res.created ? 'warnings.unit.asked' : 'warnings.unit.alreadyAsked')),
                      onError: (e) => showError(e),
                    },
                  )
                }
              >
                {t('warnings.unit.ask')}
              </Button>
            )}
            {mayLetter && lagging && letters.isSuccess && !hasLetter && (
              <Button
                icon={<FileTextOutlined />}
                loading={draft.isPending}
                data-testid="unit-letter"
                onClick={() =>
                  draft.mutate(
                    { month, unitId: unit.id },
                    { onSuccess: (res) => res.items[0] && navigate(`/documents/${res.items[0].id}`), onError: (e) => showError(e) },
                  )
                }
              >
                {t('warnings.unit.letter')}
              </Button>
            )}
          </Flex>
          {!lagging && <Typography.Text type="secondary">{t('warnings.unit.allClear')}</Typography.Text>}
          {!board.locked && lagging && can('document:draft') && <Typography.Text type="secondary">{t('warnings.unit.letterAfterLock')}</Typography.Text>}
          {(task || hasLetter) && (
            <Descriptions size="small" column={1} bordered data-testid="unit-follow-up">
              {task && (
                <Descriptions.Item label={t('warnings.unit.task')}>
                  <Link to={`/tasks/${task.id}`}>{task.title}</Link> <TaskStatusTag status={task.status} />
                </Descriptions.Item>
              )}
              {hasLetter && (
                <Descriptions.Item label={t('warnings.unit.letters')}>
                  <List
                    size="small"
                    split={false}
                    dataSource={letters.data?.items}
                    renderItem={(d) => (
                      <List.Item style={{ padding: 0 }}>
                        <Link to={`/documents/${d.id}`}>{d.number ?? d.title}</Link>
                      </List.Item>
                    )}
                  />
                </Descriptions.Item>
              )}
            </Descriptions>
          )}
          <Table<UnitRow>
            rowKey={(r) => r.indicator.id}
            size="small"
            data-testid="unit-row"
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        </Flex>
      )}
    </Drawer>
  );
}
