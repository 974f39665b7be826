// Investment attraction (招商引资) for the chain teams: the yearly count toward the ≥ 2 × ≥ 1亿 target and stalled leads.

/** A lead's stages, in order: 线索 → 接洽 → 考察 → 洽谈 → 签约 → 开工 → 投产. */
export const LEAD_STAGES = ['lead', 'contact', 'inspection', 'negotiation', 'signed', 'started', 'producing'] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];
/** The stages a lead may be counted at: when the contract is signed (the default), when work starts, or in production. */
export const COUNTING_STAGES = ['signed', 'started', 'producing'] as const;
export type CountingStage = (typeof COUNTING_STAGES)[number];

/** The attraction settings; every number is data the office may change. */
export interface AttractionSettings {
  /** A project counts when its amount is at least this many fen (1亿元 = 10,000,000,000 fen). */
  minAmountFen: number;
  /** How many counted projects a team must bring in a year. */
  targetCount: number;
  /** The stage whose date decides the year a project counts in. */
  countingStage: CountingStage;
  /** A lead not updated for this many days is stalled. */
  stalledDays: number;
}

/** The defaults of rules.md: each team ≥ 2 projects of ≥ 1亿元 a year, counted at signing; 30 days without update is stalled. */
export const DEFAULT_ATTRACTION_SETTINGS: AttractionSettings = {
  minAmountFen: 10_000_000_000,
  targetCount: 2,
  countingStage: 'signed',
  stalledDays: 30,
};

/** What the count needs of a lead: its stage, amounts and the dates it reached the counting stages. */
export interface CountableLead {
  stage: LeadStage;
  plannedInvestmentFen: number;
  /** The contract amount, set at signing; the planned amount stands in until then. */
  contractInvestmentFen: number | null;
  signedDate: string | null;
  startedDate: string | null;
  producingDate: string | null;
}

/** The position of a stage in the pipeline (线索 = 0). */
export function stageIndex(stage: LeadStage): number {
  return LEAD_STAGES.indexOf(stage);
}

/** The amount a lead counts with: the contract's once signed, else the planned investment. */
export function countedAmountFen(lead: Pick<CountableLead, 'plannedInvestmentFen' | 'contractInvestmentFen'>): number {
  return lead.contractInvestmentFen ?? lead.plannedInvestmentFen;
}

/** The date a lead reached the counting stage, or null if it has not. */
export function countingDate(lead: CountableLead, stage: CountingStage): string | null {
  if (stageIndex(lead.stage) < stageIndex(stage)) return null;
  return stage === 'signed' ? lead.signedDate : stage === 'started' ? lead.startedDate : lead.producingDate;
}

/** Whether a lead counts toward its team's target of a year: it reached the counting stage in that year with amount ≥ the minimum. */
export function countsToward(lead: CountableLead, year: number, s: AttractionSettings): boolean {
  const date = countingDate(lead, s.countingStage);
  return date !== null && Number(date.slice(0, 4)) === year && countedAmountFen(lead) >= s.minAmountFen;
}

/** A team's score for a year: how many of its leads count, against the target. */
export function teamScore(leads: CountableLead[], year: number, s: AttractionSettings): { counted: number; target: number; met: boolean; countedFen: number } {
  const counting = leads.filter((l) => countsToward(l, year, s));
  return {
    counted: counting.length,
    target: s.targetCount,
    met: counting.length >= s.targetCount,
    countedFen: counting.reduce((sum, l) => sum + countedAmountFen(l), 0),
  };
}

/** The day `days` days before a date (`YYYY-MM-DD`). */
export function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/**
 * Whether a lead is stalled: not in production yet and its last update (a county day) lies `stalledDays` or more
 * days before today.
 */
export function isStalled(lead: { stage: LeadStage; lastUpdateDay: string }, today: string, stalledDays: number): boolean {
  return lead.stage !== 'producing' && lead.lastUpdateDay <= daysBefore(today, stalledDays);
}

/** Whether a lead may move from one stage to another: forward only, skipping allowed. */
export function canMoveStage(from: LeadStage, to: LeadStage): boolean {
  return stageIndex(to) > stageIndex(from);
}
