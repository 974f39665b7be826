import { formatCountyTime } from '../../shared/dates';

/** A timestamp in county time (as the server and the Excel exports show it), or a dash when absent. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? formatCountyTime(iso) : '—';
}
