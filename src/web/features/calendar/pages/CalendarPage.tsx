import { ImportOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Flex, Row, Space, Spin, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CalendarDayView } from '../../../../shared/modules/calendar.schemas';
import { AttachmentsPanel } from '../../../components/AttachmentsPanel';
import { ExcelImportModal } from '../../../components/ExcelImportModal';
import { PageContainer } from '../../../components/PageContainer';
import { useCan } from '../../../lib/auth';
import { useCalendarYear } from '../api';
import { DayEditor } from '../components/DayEditor';
import { MonthGrid } from '../components/MonthGrid';
import { WorkingDayCalculator } from '../components/WorkingDayCalculator';
import { useLocalName } from '../../../lib/names';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** 工作日历: the county's year at a glance, its exceptions, the deadline calculator and the year's official notices. */
export function CalendarPage() {
  const { t } = useTranslation();
  const localName = useLocalName();
  const can = useCan();
  const canEdit = can('calendar:manage');
  const [params, setParams] = useSearchParams();
  const today = dayjs().format('YYYY-MM-DD');
  const requested = Number(params.get('year'));
  const year = Number.isInteger(requested) && requested >= 2000 && requested <= 2100 ? requested : dayjs().year();
  const setYear = (next: number) => setParams({ year: String(next) }, { replace: true });
  const calendar = useCalendarYear(year);
  const [picked, setPicked] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const weekdays = t('calendar.weekdaysMid', { returnObjects: true }) as string[];

  const exceptions = useMemo(() => new Map((calendar.data?.days ?? []).map((d) => [d.date, d])), [calendar.data]);
  const total = calendar.data?.workingDaysPerMonth.reduce((a, b) => a + b, 0) ?? 0;

  return (
    <PageContainer
      title={t('nav.calendar')}
      extra={
        <>
          {canEdit && (
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="calendar-import">
              {t('import.button')}
            </Button>
          )}
          <Space.Compact>
            <Button icon={<LeftOutlined />} aria-label={t('calendar.prevYear')} onClick={() => setYear(year - 1)} disabled={year <= 2000} />
            <Button style={{ minWidth: 84, fontWeight: 600 }} onClick={() => setYear(dayjs().year())} title={t('calendar.thisYear')}>
              {t('calendar.yearLabel', { year })}
            </Button>
            <Button icon={<RightOutlined />} aria-label={t('calendar.nextYear')} onClick={() => setYear(year + 1)} disabled={year >= 2100} />
          </Space.Compact>
        </>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card
            size="small"
            title={
              <Flex gap={8} wrap align="center">
                <span>{t('calendar.yearView', { year })}</span>
                {calendar.data && (
                  <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
                    {t('calendar.workingDaysInYear', { count: total })}
                  </Typography.Text>
                )}
              </Flex>
            }
          >
            {/* In the body, not the card's header: beside the title it overlapped it on a phone. */}
            <div style={{ marginBottom: 12 }}>
              <Legend />
            </div>
            {calendar.error && <Alert type="error" showIcon title={calendar.error.message} />}
            {!canEdit && <Typography.Paragraph type="secondary">{t('calendar.readOnly')}</Typography.Paragraph>}
            {calendar.isLoading ? (
              <Spin />
            ) : (
              <Row gutter={[24, 20]}>
                {MONTHS.map((month) => (
                  <Col key={month} xs={24} sm={12} lg={8}>
                    <MonthGrid
                      year={year}
                      month={month}
                      exceptions={exceptions}
                      workingDays={calendar.data?.workingDaysPerMonth[month - 1] ?? 0}
                      today={today}
                      onPick={setPicked}
                    />
                  </Col>
                ))}
              </Row>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('calendar.calc.title')}>
              <WorkingDayCalculator defaultDate={year === dayjs().year() ? today : `${year}-01-04`} />
            </Card>
            <Card size="small" title={t('calendar.notices', { year })}>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {t('calendar.noticesHint')}
              </Typography.Paragraph>
              <AttachmentsPanel ownerType="calendar_year" ownerId={year} canWrite={canEdit} />
            </Card>
            <Card size="small" title={t('calendar.changes', { year })}>
              <Table<CalendarDayView>
                size="small"
                rowKey="date"
                pagination={false}
                scroll={{ y: 360 }}
                dataSource={calendar.data?.days ?? []}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calendar.noChanges')} /> }}
                onRow={(row) => ({ onClick: () => setPicked(row.date), style: { cursor: 'pointer' } })}
                columns={[
                  {
                    title: t('calendar.date'),
                    dataIndex: 'date',
                    render: (date: string) => `${date.slice(5)} ${weekdays[(dayjs(date).day() + 6) % 7]}`,
                  },
                  {
                    title: t('calendar.status'),
                    dataIndex: 'kind',
                    render: (kind: CalendarDayView['kind']) => <Tag color={kind === 'holiday' ? 'red' : 'orange'}>{t(`calendar.kind.${kind}`)}</Tag>,
                  },
                  { title: t('calendar.note'), dataIndex: 'name', ellipsis: true, render: (_, row) => localName({ nameZh: row.name, nameEn: row.nameEn }) },
                ]}
              />
            </Card>
          </Flex>
        </Col>
      </Row>
      <DayEditor date={picked} exception={picked ? exceptions.get(picked) : undefined} canEdit={canEdit} onClose={() => setPicked(null)} />
      {importing && (
        <ExcelImportModal
          title={t('calendar.importTitle')}
          templateUrl="/api/calendar/template.xlsx"
          importUrl="/api/calendar/import"
          onClose={() => setImporting(false)}
          onImported={(count) => {
            void message.success(t('import.done', { count }));
            void queryClient.invalidateQueries();
            setImporting(false);
          }}
        />
      )}
    </PageContainer>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      <Tag color="red">{t('calendar.legend.holiday')}</Tag>
      <Tag color="orange">{t('calendar.legend.workday')}</Tag>
      <Tag>{t('calendar.legend.weekend')}</Tag>
      <Tag color="blue">{t('calendar.legend.today')}</Tag>
    </Flex>
  );
}
