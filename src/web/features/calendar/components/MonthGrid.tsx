import { Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalendarDayView } from '../../../../shared/modules/calendar.schemas';
import { useLocalName } from '../../../lib/names';

interface Props {
  year: number;
  /** 1–12. */
  month: number;
  exceptions: ReadonlyMap<string, CalendarDayView>;
  workingDays: number;
  today: string;
  /** Called with the date when a day is clicked (to edit it, or just to read what it is). */
  onPick: (date: string) => void;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** One month as a Monday-first grid: weekends grey, holidays red (休), make-up working days marked 班, today outlined. */
export function MonthGrid({ year, month, exceptions, workingDays, today, onPick }: Props) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const { token } = theme.useToken();
  const first = new Date(Date.UTC(year, month - 1, 1));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  // Blank cells before the 1st carry negative numbers, so every cell has a stable key of its own.
  const cells: number[] = [...Array.from({ length: lead }, (_, i) => i - lead), ...Array.from({ length: daysInMonth }, (_, i) => i + 1)];

  return (
    <div data-testid={`month-${pad(month)}`}>
      <Typography.Text strong>{(t('calendar.months', { returnObjects: true }) as string[])[month - 1]}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
        {t('calendar.workingDaysInMonth', { count: workingDays })}
      </Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, marginTop: 6 }}>
        {(t('calendar.weekdaysShort', { returnObjects: true }) as string[]).map((label, i) => (
          <div key={label} style={{ textAlign: 'center', fontSize: 12, color: i >= 5 ? token.colorTextTertiary : token.colorTextSecondary }}>
            {label}
          </div>
        ))}
        {cells.map((day) => {
          if (day < 1) return <div key={day} />;
          const date = `${year}-${pad(month)}-${pad(day)}`;
          const weekend = (lead + day - 1) % 7 >= 5;
          const exception = exceptions.get(date);
          const holiday = exception?.kind === 'holiday';
          const makeUp = exception?.kind === 'workday';
          const label = [
            date,
            exception && localName({ nameZh: exception.name, nameEn: exception.nameEn }),
            holiday ? t('calendar.kind.holiday') : makeUp ? t('calendar.kind.workday') : null,
          ]
            .filter(Boolean)
            .join(' · ');
          return (
            <button
              key={date}
              type="button"
              data-date={date}
              data-kind={exception?.kind ?? (weekend ? 'weekend' : 'normal')}
              title={label}
              aria-label={label}
              onClick={() => onPick(date)}
              style={{
                position: 'relative',
                height: 32,
                padding: 0,
                border: date === today ? `2px solid ${token.colorPrimary}` : '1px solid transparent',
                borderRadius: 4,
                background: holiday ? token.colorErrorBg : makeUp ? token.colorWarningBg : 'transparent',
                color: holiday ? token.colorError : weekend && !makeUp ? token.colorTextTertiary : token.colorText,
                fontWeight: holiday || makeUp ? 600 : 400,
                cursor: 'pointer',
                fontSize: 13,
              }}
            >
              {day}
              {(holiday || makeUp) && (
                <span
                  style={{
                    position: 'absolute',
                    top: 0,
                    right: 1,
                    fontSize: 9,
                    lineHeight: 1,
                    color: holiday ? token.colorError : token.colorWarningText,
                  }}
                >
                  {holiday ? t('calendar.mark.holiday') : t('calendar.mark.workday')}
                </span>
              )}
            </button>
          );
        })}
      </div>
    </div>
  );
}
