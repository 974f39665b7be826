/**
 * Visit coverage (走访覆盖): every firm assigned to a chief service officer (首席服务官) must be visited at least once a
 * period (a quarter by default; setting `visits.coverage`). Pure: dates are county days `YYYY-MM-DD`.
 *
 * The rule, as decided for the platform:
 * - the firm is owed for the period by the officer whose assignment holds it on the period's reckoning day — the
 *   period's last day, or today while the period runs (`asOf`); a firm handed over mid-period counts for its new
 *   officer only, and a firm whose assignment starts after `asOf` or ended before the period is nobody's that period;
 * - the firm is covered when it was visited (by anyone) on a day from the period's first day up to `asOf`: a visit
 *   before the handover still covers the firm, the firm rather than the officer is what is visited.
 */

export const COVERAGE_PERIODS = ['month', 'quarter', 'half_year'] as const;
export type CoveragePeriodKind = (typeof COVERAGE_PERIODS)[number];

export interface CoverageSettings {
  /** The period each assigned firm must be visited within. */
  period: CoveragePeriodKind;
  /** The daily job reminds each officer of their unvisited firms once this many working days remain in the period. */
  remindWorkingDays: number;
}
export const DEFAULT_COVERAGE_SETTINGS: CoverageSettings = { period: 'quarter', remindWorkingDays: 10 };

export interface Period {
  /** `2026-Q4`, `2026-11`, `2026-H2`. */
  key: string;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const MONTHS: Record<CoveragePeriodKind, number> = { month: 1, quarter: 3, half_year: 6 };

function periodFrom(kind: CoveragePeriodKind, year: number, firstMonth: number): Period {
  const months = MONTHS[kind];
  const lastMonth = firstMonth + months - 1;
  const index = (firstMonth - 1) / months + 1;
  const key = kind === 'month' ? `${year}-${pad(firstMonth)}` : kind === 'quarter' ? `${year}-Q${index}` : `${year}-H${index}`;
  return { key, start: `${year}-${pad(firstMonth)}-01`, end: `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}` };
}

/** The period of a kind that contains a day. */
export function periodOf(kind: CoveragePeriodKind, day: string): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const months = MONTHS[kind];
  return periodFrom(kind, year, Math.floor((month - 1) / months) * months + 1);
}

/** The period `n` periods before (negative) or after the one containing `day`. */
export function shiftPeriod(kind: CoveragePeriodKind, day: string, n: number): Period {
  const p = periodOf(kind, day);
  const months = MONTHS[kind];
  const total = Number(p.start.slice(0, 4)) * 12 + Number(p.start.slice(5, 7)) - 1 + n * months;
  return periodFrom(kind, Math.floor(total / 12), (total % 12) + 1);
}

/** Parses a period key of a kind (`2026-Q4`) back to its period, or null when it is not one. */
export function periodOfKey(kind: CoveragePeriodKind, key: string): Period | null {
  const m = /^(\d{4})-(?:(\d{2})|Q([1-4])|H([12]))$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (kind === 'month' && m[2] && Number(m[2]) >= 1 && Number(m[2]) <= 12) return periodFrom(kind, year, Number(m[2]));
  if (kind === 'quarter' && m[3]) return periodFrom(kind, year, (Number(m[3]) - 1) * 3 + 1);
  if (kind === 'half_year' && m[4]) return periodFrom(kind, year, (Number(m[4]) - 1) * 6 + 1);
  return null;
}

export interface CoverageAssignment {
  enterpriseId: number;
  officerUserId: number;
  teamUnitId: number;
  fromDate: string;
  /** The last day of the assignment, or null while it lasts. */
  toDate: string | null;
}
export interface CoverageVisit {
  enterpriseId: number;
  visitDate: string;
}
export interface OfficerCoverage {
  officerUserId: number;
  teamUnitId: number;
  firms: number;
  visited: number;
  /** The firms not yet visited in the period, by id ascending. */
  unvisited: number[];
  /** Visited / firms, 0..1; 1 for an officer with no firms. */
  rate: number;
}
export interface TeamCoverage {
  teamUnitId: number;
  officers: number;
  firms: number;
  visited: number;
  rate: number;
}

/** The day coverage is reckoned on: the period's last day, or `today` while the period runs; null before it starts. */
export function reckoningDay(period: Period, today: string): string | null {
  if (today < period.start) return null;
  return today < period.end ? today : period.end;
}

/** The assignment holding each firm on a day (the latest-starting one if data overlap). */
export function holdersOn(assignments: readonly CoverageAssignment[], day: string): Map<number, CoverageAssignment> {
  const holders = new Map<number, CoverageAssignment>();
  for (const a of assignments) {
    if (a.fromDate > day || (a.toDate !== null && a.toDate < day)) continue;
    const held = holders.get(a.enterpriseId);
    if (!held || held.fromDate < a.fromDate) holders.set(a.enterpriseId, a);
  }
  return holders;
}

const rate = (visited: number, firms: number) => (firms === 0 ? 1 : visited / firms);

/** Coverage per officer and per team for one period, reckoned on `asOf` (see `reckoningDay`). */
export function coverage(
  period: Period,
  asOf: string,
  assignments: readonly CoverageAssignment[],
  visits: readonly CoverageVisit[],
): { officers: OfficerCoverage[]; teams: TeamCoverage[] } {
  const visitedFirms = new Set<number>();
  for (const v of visits) if (v.visitDate >= period.start && v.visitDate <= asOf) visitedFirms.add(v.enterpriseId);
  const byOfficer = new Map<number, OfficerCoverage>();
  for (const a of holdersOn(assignments, asOf).values()) {
    let o = byOfficer.get(a.officerUserId);
    if (!o) {
      o = { officerUserId: a.officerUserId, teamUnitId: a.teamUnitId, firms: 0, visited: 0, unvisited: [], rate: 1 };
      byOfficer.set(a.officerUserId, o);
    }
    o.firms++;
    if (visitedFirms.has(a.enterpriseId)) o.visited++;
    else o.unvisited.push(a.enterpriseId);
  }
  const officers = [...byOfficer.values()].sort((a, b) => a.officerUserId - b.officerUserId);
  const teams = new Map<number, TeamCoverage>();
  for (const o of officers) {
    o.unvisited.sort((a, b) => a - b);
    o.rate = rate(o.visited, o.firms);
    const t = teams.get(o.teamUnitId) ?? { teamUnitId: o.teamUnitId, officers: 0, firms: 0, visited: 0, rate: 1 };
    t.officers++;
    t.firms += o.firms;
    t.visited += o.visited;
    teams.set(o.teamUnitId, t);
  }
  for (const t of teams.values()) t.rate = rate(t.visited, t.firms);
  return { officers, teams: [...teams.values()].sort((a, b) => a.teamUnitId - b.teamUnitId) };
}
