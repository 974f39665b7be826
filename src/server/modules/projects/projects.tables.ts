import type { Generated } from 'kysely';

// The projects module's tables as the application sees them (camelCase; see core/db/schema.ts for the conventions).

/** A key project (重点项目) of the 三大改造 or 工业强县 library; money in fen. */
export interface ProjectTable {
  id: Generated<number>;
  code: string;
  name: string;
  library: string;
  /** Comma-separated 三大改造 types: intelligent, green, technical. */
  types: string;
  enterpriseId: number | null;
  chainUnitId: number | null;
  townshipUnitId: number;
  stage: string;
  totalInvestmentFen: number;
  annualPlanFen: number;
  plannedStart: string;
  plannedCompletion: string;
  plannedProduction: string;
  leaderUserId: number | null;
  responsibleUnitId: number;
  responsiblePerson: string;
  serviceTeamUnitId: number | null;
  content: string;
  location: string;
  lng: number | null;
  lat: number | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A project milestone owned by a department, driven by its 督办 task. */
export interface ProjectMilestoneTable {
  id: Generated<number>;
  projectId: number;
  seq: number;
  code: string | null;
  name: string;
  ownerUnitId: number;
  dueDate: string;
  metDate: string | null;
  note: string;
  taskId: number | null;
  updatedAt: string;
}

/** A project's completed investment and image progress for one month; locked by the month close. */
export interface ProjectInvestmentTable {
  projectId: number;
  month: string;
  completedFen: number;
  progressText: string;
  locked: Generated<number>;
  reportedBy: number | null;
  reportedAt: string;
}

declare module '../../core/db/schema' {
  interface Database {
    projects: ProjectTable;
    projectMilestones: ProjectMilestoneTable;
    projectInvestments: ProjectInvestmentTable;
  }
}
