import type { Dayjs } from 'dayjs';

/** A RangePicker's value as the `from`/`to` dates (YYYY-MM-DD) that list endpoints take. */
export function rangeToDates(range: [Dayjs | null, Dayjs | null] | null | undefined): { from?: string; to?: string } {
  return {
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
  };
}
