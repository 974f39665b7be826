// Innovation pipelines (创新培育): the stages of each pipeline and the moves allowed between them, what a stage means
// for the firm's 一企一档 profile, the 高新技术企业 certificate's validity and 复审 window, and yearly targets with the
// two-year national "零突破". Pure functions over calendar days (`YYYY-MM-DD`, county days).

export const PIPELINES = ['high_tech', 'sme', 'rd', 'incubator'] as const;
export type Pipeline = (typeof PIPELINES)[number];

/** Each pipeline's stages, lowest first. */
export const STAGES = {
  /** 高新技术企业: 培育库 → 申报 → 认定 → 复审. */
  high_tech: ['pool', 'applied', 'certified', 'renewed'],
  /** 专精特新: 培育 → 创新型中小企业 → 省级专精特新 → 国家级专精特新"小巨人". */
  sme: ['candidate', 'innovative', 'provincial', 'little_giant'],
  /** 研发机构: 县级 → 市级 → 省级 → 国家级. */
  rd: ['county', 'city', 'provincial', 'national'],
  /** 孵化器 and 众创空间: 县级 → 市级 → 省级 → 国家级. */
  incubator: ['county', 'city', 'provincial', 'national'],
} as const satisfies Record<Pipeline, readonly string[]>;
export type Stage = (typeof STAGES)[Pipeline][number];
export const ALL_STAGES = [...new Set(Object.values(STAGES).flat())] as Stage[];

/** The rank of a stage within its pipeline (-1 when it is not one of the pipeline's). */
export const stageRank = (pipeline: Pipeline, stage: string) => (STAGES[pipeline] as readonly string[]).indexOf(stage);

/**
 * Whether a stage change is allowed. 高新: 培育库 → 申报; 申报 → 认定 (passed) or back to 培育库 (not passed); 认定 or
 * 复审 → 复审 (the renewal passed, a new certificate) or back to 培育库 (lapsed or revoked). Tiers and levels go up one
 * step at a time and down to any lower one. Staying where one is, or a jump (培育库 → 认定), is not a change.
 */
export function canMove(pipeline: Pipeline, from: string, to: string): boolean {
  const [a, b] = [stageRank(pipeline, from), stageRank(pipeline, to)];
  if (a < 0 || b < 0) return false;
  if (pipeline === 'high_tech') {
    const allowed: Record<string, string[]> = {
      pool: ['applied'],
      applied: ['certified', 'pool'],
      certified: ['renewed', 'pool'],
      renewed: ['renewed', 'pool'],
    };
    return allowed[from]?.includes(to) ?? false;
  }
  return b === a + 1 || b < a;
}

/** Whether a change moves up (a promotion) rather than down. */
export const isPromotion = (pipeline: Pipeline, from: string, to: string) =>
  stageRank(pipeline, to) > stageRank(pipeline, from) || (pipeline === 'high_tech' && from === 'renewed' && to === 'renewed');

/** Stages that carry a 高新 certificate (number, issue date, validity). */
export const CERTIFIED_STAGES: readonly string[] = ['certified', 'renewed'];
export const needsCertificate = (pipeline: Pipeline, stage: string) => pipeline === 'high_tech' && CERTIFIED_STAGES.includes(stage);

// ---- Calendar days ---------------------------------------------------------------------------------------------

const parse = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return { y, m, d };
};
const format = (t: number) => new Date(t).toISOString().slice(0, 10);
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The same day n years on (29 February falls back to the 28th in a common year). */
export function addYears(day: string, n: number): string {
  const { y, m, d } = parse(day);
  return format(Date.UTC(y + n, m - 1, Math.min(d, daysInMonth(y + n, m))));
}
export function addDays(day: string, n: number): string {
  const { y, m, d } = parse(day);
  return format(Date.UTC(y, m - 1, d + n));
}
/** The calendar year a day counts for: a promotion on 31 December counts for that year, on 1 January for the next. */
export const yearOf = (day: string) => Number(day.slice(0, 4));

// ---- 高新技术企业 certificates --------------------------------------------------------------------------------

/**
 * A certificate is valid three years, through the day before the third anniversary of its issue: one issued
 * 2023-12-01 is valid through 2026-11-30 (one issued 29 February through 28 February, the anniversary being 1 March).
 */
export const CERT_YEARS = 3;
export function certValidTo(issuedOn: string): string {
  const { y, m, d } = parse(issuedOn);
  return format(Date.UTC(y + CERT_YEARS, m - 1, d - 1));
}
/** 复审 is due in the certificate's last year: from the day two years after issue to its last valid day. */
export const renewalFrom = (validTo: string) => addYears(addDays(validTo, 1), -1);

export type CertStatus = 'valid' | 'renewal_due' | 'expired';
/** A certificate's state on a day: valid, in its 复审 window (its last year), or expired (after its last valid day). */
export function certStatus(validTo: string, today: string): CertStatus {
  if (today > validTo) return 'expired';
  if (today >= renewalFrom(validTo)) return 'renewal_due';
  return 'valid';
}

// ---- The firm's profile ------------------------------------------------------------------------------------------

export const SME_TIER_OF: Record<(typeof STAGES)['sme'][number], 'none' | 'innovative' | 'provincial' | 'little_giant'> = {
  candidate: 'none',
  innovative: 'innovative',
  provincial: 'provincial',
  little_giant: 'little_giant',
};
export const RD_LEVEL_NAMES: Record<(typeof STAGES)['rd'][number], string> = { county: '县级', city: '市级', provincial: '省级', national: '国家级' };

/** The profile's 研发机构 text from a firm's R&D institutions, highest level first: 国家级 某中心；省级 某中心. */
export function rdInstitutionsText(institutions: { name: string; stage: string }[]): string {
  return [...institutions]
    .sort((a, b) => stageRank('rd', b.stage) - stageRank('rd', a.stage) || a.name.localeCompare(b.name))
    .map((i) => `${RD_LEVEL_NAMES[i.stage as keyof typeof RD_LEVEL_NAMES] ?? ''} ${i.name}`.trim())
    .join('；')
    .slice(0, 500);
}

// ---- Targets and progress ------------------------------------------------------------------------------------------

/** A stage change as the targets count it. */
export interface Move {
  entryId: number;
  pipeline: Pipeline;
  from: string | null;
  to: string;
  on: string;
}

/**
 * How many entries of a pipeline newly reached a stage (or higher) in a year: a move from below the stage to it or
 * above, dated in that year, each entry counted once. A 复审 is not a new 高企; an entry filed straight at a level (a
 * new 省级研发机构) counts as reaching it.
 */
export function reachedInYear(moves: Move[], pipeline: Pipeline, stage: string, year: number): number {
  const target = stageRank(pipeline, stage);
  const entries = new Set<number>();
  for (const m of moves) {
    if (m.pipeline !== pipeline || yearOf(m.on) !== year) continue;
    const from = m.from === null ? -1 : stageRank(pipeline, m.from);
    if (from < target && stageRank(pipeline, m.to) >= target) entries.add(m.entryId);
  }
  return entries.size;
}

export type TargetStatus = 'achieved' | 'in_progress' | 'missed';
/** A yearly target's state: achieved once the count reaches it; missed once its year is over without. */
export function targetStatus(target: number, achieved: number, year: number, today: string): TargetStatus {
  if (achieved >= target) return 'achieved';
  return yearOf(today) > year ? 'missed' : 'in_progress';
}

/** The window of a "零突破" goal: from 1 January of its start year through 31 December of its last year. */
export function breakthroughWindow(startYear: number, years: number) {
  return { from: `${startYear}-01-01`, to: `${startYear + years - 1}-12-31` };
}

/**
 * A "零突破" goal (the county's first national-level R&D institution or incubator within the window): achieved on the
 * first move into the stage dated inside the window; missed once the window is over without; open meanwhile.
 */
export function breakthrough(moves: Move[], goal: { pipeline: Pipeline; stage: string; startYear: number; years: number }, today: string) {
  const { from, to } = breakthroughWindow(goal.startYear, goal.years);
  const target = stageRank(goal.pipeline, goal.stage);
  const hits = moves
    .filter((m) => m.pipeline === goal.pipeline && m.on >= from && m.on <= to && stageRank(goal.pipeline, m.to) >= target)
    .filter((m) => (m.from === null ? -1 : stageRank(goal.pipeline, m.from)) < target)
    .sort((a, b) => a.on.localeCompare(b.on));
  const status: TargetStatus = hits.length > 0 ? 'achieved' : today > to ? 'missed' : 'in_progress';
  return { from, to, achievedOn: hits[0]?.on ?? null, entryId: hits[0]?.entryId ?? null, status };
}
