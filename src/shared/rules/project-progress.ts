/**
 * Key-project progress (rules.md, Projects): investment completion against time progress, the project's colour,
 * lateness of its start, and the state of its milestones. The server (list, board, month close) and the web (project
 * page, curve) compute the same answer from these functions; thresholds come in as data.
 */

export const PROJECT_STAGES = ['planning', 'preliminary', 'new_start', 'construction', 'completed', 'production'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
export type ProjectColour = 'green' | 'yellow' | 'red';

/** Thresholds of the project colours; every one may be overridden by settings. */
export interface ProjectThresholds {
  /** gap ≥ this (pp) is green. */
  greenMinGapPp: number;
  /** gap ≥ this (pp) and below green is yellow; below it red. */
  yellowMinGapPp: number;
  /** A project not started by its planned start is yellow; this many whole months late, red. */
  redLateMonths: number;
}
export const DEFAULT_PROJECT_THRESHOLDS: ProjectThresholds = { greenMinGapPp: -10, yellowMinGapPp: -30, redLateMonths: 3 };

const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Time progress at month m (1..12) in %: m ÷ 12. */
export function projectTimeProgress(month: number): number {
  if (month < 1 || month > 12 || !Number.isInteger(month)) throw new RangeError(`month ${month} is not 1..12`);
  return round((month / 12) * 100);
}

/** Completion of the year's planned investment in %; null when nothing is planned this year. */
export function investmentCompletion(completedThisYearFen: number, annualPlanFen: number): number | null {
  if (annualPlanFen <= 0) return null;
  return round((completedThisYearFen / annualPlanFen) * 100);
}

/** The colour of a gap (completion − time progress, in pp). */
export function colourOfGap(gapPp: number, t: ProjectThresholds = DEFAULT_PROJECT_THRESHOLDS): ProjectColour {
  if (gapPp >= t.greenMinGapPp) return 'green';
  if (gapPp >= t.yellowMinGapPp) return 'yellow';
  return 'red';
}

/** Whole months from one date to a later one (2021-03-15 → 2021-06-15 is 3, → 2021-06-14 is 2); 0 if not later. */
export function wholeMonthsBetween(from: string, to: string): number {
  if (to <= from) return 0;
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  let months = (ty - fy) * 12 + (tm - fm);
  if (td < fd) months -= 1;
  return Math.max(0, months);
}

/** The colour of a start: a project not started by its planned start date is yellow, `redLateMonths` late red. */
export function startColour(
  input: { started: boolean; plannedStart: string | null; today: string },
  t: ProjectThresholds = DEFAULT_PROJECT_THRESHOLDS,
): ProjectColour {
  if (input.started || !input.plannedStart || input.today <= input.plannedStart) return 'green';
  return wholeMonthsBetween(input.plannedStart, input.today) >= t.redLateMonths ? 'red' : 'yellow';
}

export interface ProjectProgressInput {
  /** Completed investment from January through `month` of the year, in fen. */
  completedThisYearFen: number;
  annualPlanFen: number;
  /** The month the figures run to, 1..12 (the last closed month). */
  month: number;
  started: boolean;
  plannedStart: string | null;
  today: string;
}

export interface ProjectProgress {
  completion: number | null;
  timeProgress: number;
  gapPp: number | null;
  investmentColour: ProjectColour | null;
  startColour: ProjectColour;
  /** The worse of the two. */
  colour: ProjectColour;
}

const RANK: Record<ProjectColour, number> = { green: 0, yellow: 1, red: 2 };

/** The worse of some colours (green when none). */
export function worstColour(...colours: (ProjectColour | null)[]): ProjectColour {
  return colours.reduce<ProjectColour>((worst, c) => (c && RANK[c] > RANK[worst] ? c : worst), 'green');
}

/** Completion, time progress, gap and colour of a project at a month, per rules.md. */
export function projectProgress(input: ProjectProgressInput, t: ProjectThresholds = DEFAULT_PROJECT_THRESHOLDS): ProjectProgress {
  const completion = investmentCompletion(input.completedThisYearFen, input.annualPlanFen);
  const tp = projectTimeProgress(input.month);
  const gapPp = completion === null ? null : round(completion - tp);
  const investmentColour = gapPp === null ? null : colourOfGap(gapPp, t);
  const start = startColour(input, t);
  return { completion, timeProgress: tp, gapPp, investmentColour, startColour: start, colour: worstColour(investmentColour, start) };
}

/** Whether a project counts as started: under construction or later, or its 开工 milestone met. */
export function isStarted(stage: ProjectStage, startMilestoneMet: boolean): boolean {
  return startMilestoneMet || PROJECT_STAGES.indexOf(stage) >= PROJECT_STAGES.indexOf('construction');
}

export const MILESTONE_STATES = ['pending', 'due_soon', 'overdue', 'met', 'met_late'] as const;
export type MilestoneState = (typeof MILESTONE_STATES)[number];

/**
 * A milestone's state: met on or before its due date, met late (it keeps "was overdue"), overdue when past due and
 * not met, due soon within `dueSoonDays` calendar days, else pending.
 */
export function milestoneState(input: { dueDate: string; metDate: string | null; today: string; dueSoonDays?: number }): MilestoneState {
  if (input.metDate) return input.metDate > input.dueDate ? 'met_late' : 'met';
  if (input.today > input.dueDate) return 'overdue';
  const soon = addDays(input.today, input.dueSoonDays ?? 7);
  return input.dueDate <= soon ? 'due_soon' : 'pending';
}

/** Whether a milestone was ever overdue: it is now, or it was met after its due date. */
export function wasOverdue(input: { dueDate: string; metDate: string | null; today: string }): boolean {
  const state = milestoneState(input);
  return state === 'overdue' || state === 'met_late';
}

/** ISO date plus n days. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The standard milestones in order, with the stage whose work each is and the department that usually owns it. */
export const DEFAULT_MILESTONES = [
  { code: 'approval', stage: 'preliminary', unitCode: 'fgw', zh: '立项/备案', en: 'Approval / filing' },
  { code: 'land', stage: 'preliminary', unitCode: 'zrzyj', zh: '用地', en: 'Land' },
  { code: 'planning_permit', stage: 'preliminary', unitCode: 'zrzyj', zh: '规划许可', en: 'Planning permit' },
  { code: 'eia', stage: 'preliminary', unitCode: 'sthjj', zh: '环评', en: 'Environmental assessment' },
  { code: 'energy_safety', stage: 'preliminary', unitCode: 'yjglj', zh: '能评/安评', en: 'Energy / safety review' },
  { code: 'construction_permit', stage: 'preliminary', unitCode: 'jjq', zh: '施工许可', en: 'Construction permit' },
  { code: 'start', stage: 'new_start', unitCode: 'gxj', zh: '开工', en: 'Construction start' },
  { code: 'structure', stage: 'construction', unitCode: 'gxj', zh: '主体完工', en: 'Main works complete' },
  { code: 'acceptance', stage: 'completed', unitCode: 'jjq', zh: '竣工验收', en: 'Completion acceptance' },
  { code: 'production', stage: 'production', unitCode: 'gxj', zh: '投产', en: 'Production' },
] as const satisfies readonly { code: string; stage: ProjectStage; unitCode: string; zh: string; en: string }[];
export type MilestoneCode = (typeof DEFAULT_MILESTONES)[number]['code'];

/**
 * Whether a standard milestone was already behind a project when it entered the library at a stage: the work of
 * earlier stages is done (a project in production has met all of them).
 */
export function milestoneDoneAtStage(milestoneStage: ProjectStage, projectStage: ProjectStage): boolean {
  if (projectStage === 'production') return true;
  return PROJECT_STAGES.indexOf(milestoneStage) < PROJECT_STAGES.indexOf(projectStage);
}

/**
 * Default due dates of the standard milestones from the project's planned dates: approvals spread over the three
 * months before the start, main works halfway to completion, acceptance at completion, production on its date.
 */
export function defaultMilestoneDue(code: MilestoneCode, plan: { start: string; completion: string; production: string }): string {
  const before = { approval: -90, land: -75, planning_permit: -60, eia: -45, energy_safety: -30, construction_permit: -15 } as Record<string, number>;
  if (code in before) return addDays(plan.start, before[code]);
  if (code === 'start') return plan.start;
  if (code === 'structure') {
    const span = (Date.parse(plan.completion) - Date.parse(plan.start)) / 86_400_000;
    return addDays(plan.start, Math.max(0, Math.round(span / 2)));
  }
  if (code === 'acceptance') return plan.completion;
  return plan.production;
}

/** `YYYY-MM` of the month before a date's month: the last month whose figures are due. */
export function lastClosedMonth(today: string): string {
  const [y, m] = today.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
