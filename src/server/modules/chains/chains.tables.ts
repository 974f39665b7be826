import type { Generated } from 'kysely';

// The chains module's tables as the application sees them (camelCase; see core/db/schema.ts for the conventions).

/** An industrial chain (产业链) run by one service team (专班) under its chain leader (链长). */
export interface ChainTable {
  id: Generated<number>;
  code: string;
  nameZh: string;
  nameEn: string;
  teamUnitId: number;
  groupUnitId: number | null;
  leaderUserId: number | null;
  description: string;
  createdAt: string;
  updatedAt: string;
}

/** A member of a chain's service team, from any unit. */
export interface ChainMemberTable {
  id: Generated<number>;
  chainId: number;
  unitId: number;
  name: string;
  position: string;
  role: string;
  sortOrder: number;
}

/** An upstream, midstream or downstream segment with its key products; weak (短板) when marked so. */
export interface ChainSegmentTable {
  id: Generated<number>;
  chainId: number;
  tier: string;
  name: string;
  keyProducts: string;
  weak: number;
  weakNote: string;
  sortOrder: number;
}

/** A firm of a segment (一企一档 link). */
export interface ChainSegmentFirmTable {
  segmentId: number;
  enterpriseId: number;
}

/** A link from a chain to another of the county, or to a chain outside it. */
export interface ChainLinkTable {
  id: Generated<number>;
  fromChainId: number;
  toChainId: number | null;
  kind: string;
  outsideName: string;
  note: string;
}

/** An investment-attraction lead (招商线索); money in fen. */
export interface ChainLeadTable {
  id: Generated<number>;
  name: string;
  investor: string;
  source: string;
  industryCode: string;
  chainId: number;
  teamUnitId: number;
  townshipUnitId: number | null;
  plannedInvestmentFen: number;
  contractInvestmentFen: number | null;
  stage: string;
  stageOrder: number;
  signedDate: string | null;
  startedDate: string | null;
  producingDate: string | null;
  contact: string;
  note: string;
  nextStep: string;
  nextStepDate: string | null;
  taskId: number | null;
  projectId: number | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** One entry of a lead's history: created, a stage reached, edited, next step set, made a project. */
export interface ChainLeadEventTable {
  id: Generated<number>;
  leadId: number;
  at: string;
  date: string;
  userId: number | null;
  kind: string;
  fromStage: string | null;
  toStage: string | null;
  note: string;
}

declare module '../../core/db/schema' {
  interface Database {
    chains: ChainTable;
    chainMembers: ChainMemberTable;
    chainSegments: ChainSegmentTable;
    chainSegmentFirms: ChainSegmentFirmTable;
    chainLinks: ChainLinkTable;
    chainLeads: ChainLeadTable;
    chainLeadEvents: ChainLeadEventTable;
  }
}
