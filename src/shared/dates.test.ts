import { describe, expect, it } from 'vitest';
import { countyDayEndUtc, countyDayStartUtc, formatCountyTime } from './dates';

describe('county time (UTC+8)', () => {
  it.each([
    ['2026-03-02', '2026-03-01T16:00:00.000Z', '2026-03-02T16:00:00.000Z'],
    ['2026-01-01', '2025-12-31T16:00:00.000Z', '2026-01-01T16:00:00.000Z'],
  ])('day %s spans %s to %s', (day, start, end) => {
    expect(countyDayStartUtc(day)).toBe(start);
    expect(countyDayEndUtc(day)).toBe(end);
  });
  it('shows a UTC instant in county time', () => {
    expect(formatCountyTime('2026-03-01T17:30:05.000Z')).toBe('2026-03-02 01:30:05');
  });
});
