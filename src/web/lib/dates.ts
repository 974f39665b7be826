import dayjs, { type Dayjs } from 'dayjs';

/** A RangePicker's value: either end may be empty. */
export type DayRange = [Dayjs | null, Dayjs | null];

/** A RangePicker's value as the `from`/`to` dates (YYYY-MM-DD) that list endpoints take. */
export function rangeToDates(range: DayRange | null | undefined): { from?: string; to?: string } {
  return {
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
  };
}

/** The RangePicker's value for a list's `from`/`to` dates; none when both are empty. */
export function datesToRange(from: string | undefined, to: string | undefined): DayRange | null {
  if (!from && !to) return null;
  return [from ? dayjs(from) : null, to ? dayjs(to) : null];
}
