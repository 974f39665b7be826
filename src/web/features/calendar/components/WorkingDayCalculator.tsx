import { Button, DatePicker, Divider, Flex, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../lib/errors';
import { workingDayAfter, workingDaysBetween } from '../api';

const fmt = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Deadline arithmetic on the county calendar, the same the task engine uses: date + n working days, and days between. */
export function WorkingDayCalculator({ defaultDate }: { defaultDate: string }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const weekdays = t('calendar.weekdays', { returnObjects: true }) as string[];
  const weekdayOf = (date: string) => weekdays[(dayjs(date).day() + 6) % 7];

  const [from, setFrom] = useState<Dayjs | null>(dayjs(defaultDate));
  const [add, setAdd] = useState<number | null>(5);
  const [due, setDue] = useState<string | null>(null);
  const [start, setStart] = useState<Dayjs | null>(dayjs(defaultDate));
  const [end, setEnd] = useState<Dayjs | null>(dayjs(defaultDate).add(1, 'month'));
  const [count, setCount] = useState<number | null>(null);

  return (
    <Flex vertical gap={8} data-testid="calculator">
      <Typography.Text strong>{t('calendar.calc.addTitle')}</Typography.Text>
      <Flex gap={8} wrap align="center">
        <DatePicker
          value={from}
          onChange={(d) => {
            setFrom(d);
            setDue(null);
          }}
          allowClear={false}
          aria-label={t('calendar.calc.from')}
        />
        <Flex gap={8} align="center" style={{ whiteSpace: 'nowrap' }}>
          <span>+</span>
          <InputNumber
            min={-400}
            max={400}
            value={add}
            onChange={(v) => {
              setAdd(v);
              setDue(null);
            }}
            aria-label={t('calendar.calc.days')}
            style={{ width: 80 }}
          />
          <span>{t('calendar.calc.workingDays')}</span>
        </Flex>
        <Button
          type="primary"
          disabled={!from || add === null}
          onClick={() => workingDayAfter(fmt(from as Dayjs), add ?? 0).then((r) => setDue(r.date), showError)}
        >
          {t('calendar.calc.compute')}
        </Button>
      </Flex>
      {due && (
        <Typography.Text data-testid="calc-due">
          {t('calendar.calc.dueIs')} <Typography.Text strong>{t('calendar.dateWithWeekday', { date: due, weekday: weekdayOf(due) })}</Typography.Text>
        </Typography.Text>
      )}
      <Divider style={{ margin: '8px 0' }} />
      <Typography.Text strong>{t('calendar.calc.betweenTitle')}</Typography.Text>
      <Flex gap={8} wrap align="center">
        <DatePicker.RangePicker
          value={[start, end]}
          allowClear={false}
          onChange={(range) => {
            setStart(range?.[0] ?? null);
            setEnd(range?.[1] ?? null);
            setCount(null);
          }}
        />
        <Button
          type="primary"
          disabled={!start || !end}
          onClick={() => workingDaysBetween(fmt(start as Dayjs), fmt(end as Dayjs)).then((r) => setCount(r.workingDays), showError)}
        >
          {t('calendar.calc.compute')}
        </Button>
      </Flex>
      {count !== null && (
        <Typography.Text data-testid="calc-between">
          {t('calendar.calc.betweenIs')} <Typography.Text strong>{t('calendar.calc.countDays', { count })}</Typography.Text>
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('calendar.calc.rule')}
      </Typography.Text>
    </Flex>
  );
}
