import type { Generated } from 'kysely';

// The visits module's tables as the application sees them (camelCase; see core/db/schema.ts for the conventions).

/** A firm assigned to its chief service officer (首席服务官) from a day to a day (null while it lasts). */
export interface VisitAssignmentTable {
  id: Generated<number>;
  enterpriseId: number;
  officerUserId: number;
  teamUnitId: number;
  fromDate: string;
  toDate: string | null;
  note: string;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A cadre exchange (政企干部双向交流): a person stationed at a firm or at a unit. */
export interface VisitExchangeTable {
  id: Generated<number>;
  personName: string;
  direction: string;
  unitId: number;
  enterpriseId: number;
  role: string;
  fromDate: string;
  toDate: string | null;
  note: string;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** A visit (走访) to a firm. */
export interface VisitTable {
  id: Generated<number>;
  enterpriseId: number;
  townshipUnitId: number;
  teamUnitId: number;
  visitDate: string;
  peopleMet: string;
  discussion: string;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface VisitOfficerTable {
  visitId: number;
  userId: number;
}

/** A problem found on a visit: a 督办 task of its owner unit and an enterprise service request. */
export interface VisitProblemTable {
  id: Generated<number>;
  visitId: number;
  seq: number;
  text: string;
  ownerUnitId: number;
  taskId: number | null;
  requestId: number | null;
}

export interface VisitReminderTable {
  officerUserId: number;
  periodKey: string;
  unvisited: number;
  sentAt: string;
}

declare module '../../core/db/schema' {
  interface Database {
    visitAssignments: VisitAssignmentTable;
    visitExchanges: VisitExchangeTable;
    visits: VisitTable;
    visitOfficers: VisitOfficerTable;
    visitProblems: VisitProblemTable;
    visitReminders: VisitReminderTable;
  }
}
