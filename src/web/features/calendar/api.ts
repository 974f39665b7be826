import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { calendarYearResponse, setCalendarDayBody } from '../../../shared/modules/calendar.schemas';
import { api, toQuery } from '../../lib/api';

export type CalendarYear = z.infer<typeof calendarYearResponse>;
export type DayKind = z.input<typeof setCalendarDayBody>['kind'];

const calendarKey = ['calendar'] as const;

/** One year of the county calendar: its exceptions and working days per month. */
export function useCalendarYear(year: number) {
  return useQuery({ queryKey: [...calendarKey, year], queryFn: () => api.get<CalendarYear>(`/api/calendar${toQuery({ year })}`) });
}

/** Sets a day as holiday, make-up working day or back to the normal week (office). */
export function useSetCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ date, kind, name }: { date: string; kind: DayKind; name: string }) => api.put(`/api/calendar/days/${date}`, { kind, name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKey }),
  });
}

/** The n-th working day after a date, computed by the server on the county calendar. */
export function workingDayAfter(from: string, add: number) {
  return api.get<{ from: string; add: number; date: string }>(`/api/calendar/working-day${toQuery({ from, add })}`);
}

/** Working days after `from` up to and including `to`. */
export function workingDaysBetween(from: string, to: string) {
  return api.get<{ from: string; to: string; workingDays: number }>(`/api/calendar/working-days-between${toQuery({ from, to })}`);
}
