import type { FastifyInstance } from 'fastify';
import type { Migration } from 'kysely';
import type { ModuleMessageTexts } from '../../../shared/i18n/messages';
import type { DocumentBlockData } from '../../../shared/modules/documents.schemas';
import type { Permission } from '../../../shared/permissions';
import type { AttachmentOwner } from '../attachments/owners';
import type { Executor } from '../db/database';
import type { Deps } from '../deps';
import type { Subscriptions } from '../events/events';
import type { Job } from '../scheduler/scheduler';
import type { TaskSourceDescriber } from '../tasks/task-sources';
import type { CountyFile } from '../setup/bootstrap';

/** Registers a module's HTTP routes on the app. */
export type RouteRegistrar = (app: FastifyInstance, deps: Deps) => void;

/** A scheduled job with the title the job-run list shows for it. */
export interface ModuleJob extends Job {
  title: { zh: string; en: string };
}

/**
 * A section a module adds to the month's work brief (工作简报), after the brief's own sections and before 下步工作. The
 * documents module numbers it (its level-1 heading 四、…, its tables' captions 表N) and stores its blocks with the draft.
 */
export interface BriefSection {
  /** The section heading without its number, e.g. 重点项目进展. */
  title: string;
  /**
   * The section's blocks for a locked month, county-wide, read in the drafting transaction: paragraphs, level-2
   * headings, tables whose captions carry no 表N (the brief numbers them).
   */
  compose(db: Executor, deps: Pick<Deps, 'clock'>, month: string): Promise<DocumentBlockData[]>;
}

/** The built-in roles a module grants its permissions to (see `BUILTIN_ROLES`). */
export type RoleGrants = Partial<Record<string, readonly Permission[]>>;

/**
 * Everything the platform needs to know about a module, in one place: `platform.ts` iterates the ordered list of
 * these to migrate, route, schedule, authorize, subscribe and load the demo. Nothing else names a module.
 */
export interface ModuleDefinition {
  name: string;
  /** Timestamp-named migrations; merged with every other module's and run in name order. */
  migrations?: Record<string, Migration>;
  routes?: RouteRegistrar[];
  /** The module's permissions, in the order the role editor lists them. */
  permissions?: readonly Permission[];
  /** Grants of those permissions to built-in roles, applied when the roles are created. */
  grants?: RoleGrants;
  jobs?: ModuleJob[];
  /** Task (督办) types the module creates through the task engine. */
  taskTypes?: readonly string[];
  /** What the records its tasks come from are called and where they are shown (a task's 来源). */
  taskSources?: TaskSourceDescriber;
  attachmentOwners?: Record<string, AttachmentOwner>;
  /** The module's server messages (errors, field problems) in both languages, from `shared/modules/<m>.messages.ts`. */
  messages?: ModuleMessageTexts<Record<string, string>>;
  events?: Subscriptions;
  /** Sections the module adds to the month's work brief, in order (see `BriefSection`). */
  briefSections?: BriefSection[];
  /** Loads the module's demo data (demo mode only); must be safe to run on every start. */
  demo?: (deps: Deps, county: CountyFile) => Promise<void>;
  /** The demo describes the other modules' demo data (a brief with their sections), so it loads after all of them. */
  demoLast?: boolean;
}

/** Declares a module; the identity function gives the definition its type where it is written. */
export function defineModule(definition: ModuleDefinition): ModuleDefinition {
  return definition;
}
