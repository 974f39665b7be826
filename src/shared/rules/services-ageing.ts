/**
 * Arrears ageing of the commitments ledger (政策兑现与欠款台账), rules.md: 0–30, 31–90, 91–180, > 180 days past due.
 * Pure: the ledger's totals and the firm's view age an item the same way.
 */
import { addCalendarDays } from './working-days';

export const AGE_BUCKETS = ['not_due', 'd0_30', 'd31_90', 'd91_180', 'd181_plus'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/** Whole calendar days from the due date to `today` (0 on the due date, negative before it). */
export function daysPastDue(due: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000);
}

/** The age of what is still owed on `today`: not yet due up to the due date itself, then 1–30 days in the first bucket. */
export function ageBucket(due: string, today: string): AgeBucket {
  const days = daysPastDue(due, today);
  if (days <= 0) return 'not_due';
  if (days <= 30) return 'd0_30';
  if (days <= 90) return 'd31_90';
  if (days <= 180) return 'd91_180';
  return 'd181_plus';
}

/** The due dates that bound a bucket on `today` (inclusive), for filtering in SQL; open ends are null. */
export function bucketDueRange(bucket: AgeBucket, today: string): { from: string | null; to: string | null } {
  const back = (days: number) => addCalendarDays(today, -days);
  switch (bucket) {
    case 'not_due':
      return { from: today, to: null };
    case 'd0_30':
      return { from: back(30), to: back(1) };
    case 'd31_90':
      return { from: back(90), to: back(31) };
    case 'd91_180':
      return { from: back(180), to: back(91) };
    case 'd181_plus':
      return { from: null, to: back(181) };
  }
}
