import type { Migration } from 'kysely';
import { registerMessages } from '../../../shared/i18n/messages';
import { BUILTIN_ROLES, type Permission } from '../../../shared/permissions';
import { registerAttachmentOwner } from '../attachments/owners';
import { events } from '../events/events';
import type { Executor } from '../db/database';
import type { TaskSourceLabel } from '../tasks/task-sources';
import type { BriefSection, ModuleDefinition, ModuleJob } from './module';

// What the installed modules declare, for the core services that must know every module's (the role editor's
// catalogue, built-in roles, task types, job titles) without importing any module.
let installed: readonly ModuleDefinition[] = [];

/** Installs the ordered module list: attachment owners, event subscriptions and messages are registered once each. */
export function installModules(modules: readonly ModuleDefinition[]): void {
  installed = modules;
  for (const m of modules) {
    for (const [type, owner] of Object.entries(m.attachmentOwners ?? {})) registerAttachmentOwner(type, owner);
    if (m.events) events.subscribe(m.name, m.events);
    if (m.messages) registerMessages(m.messages);
  }
}

/** Every migration of the modules, by name; Kysely runs them in name order. */
export function migrationsOf(modules: readonly ModuleDefinition[]): Record<string, Migration> {
  const all: Record<string, Migration> = {};
  for (const m of modules)
    for (const [name, migration] of Object.entries(m.migrations ?? {})) {
      if (all[name]) throw new Error(`migration ${name} is declared twice (${m.name})`);
      all[name] = migration;
    }
  return all;
}

/** The permission catalogue: every installed module's permissions, in module order. */
export function permissionCatalogue(): Permission[] {
  return installed.flatMap((m) => m.permissions ?? []);
}

/** A built-in role's default permissions: the core's, then each module's grants to it. */
export function builtinRolePermissions(roleCode: string): Permission[] {
  const core = BUILTIN_ROLES.find((r) => r.code === roleCode)?.permissions ?? [];
  return [...core, ...installed.flatMap((m) => m.grants?.[roleCode] ?? [])];
}

/** Every task type the installed modules create. */
export function taskTypes(): string[] {
  return installed.flatMap((m) => m.taskTypes ?? []);
}

/** Every scheduled job of the installed modules; main.ts starts them on every instance. */
export function scheduledJobs(): ModuleJob[] {
  return installed.flatMap((m) => m.jobs ?? []);
}

/** The title of a job in a language, or its name when no module declares it. */
export function jobTitle(name: string, locale: 'zh' | 'en'): string {
  const job = scheduledJobs().find((j) => j.name === name);
  return job ? job.title[locale] : name;
}

/** The sections the installed modules add to the work brief, in module order. */
export function briefSections(): BriefSection[] {
  return installed.flatMap((m) => m.briefSections ?? []);
}

/** Labels of tasks' sources, keyed `module:recordId`, each module asked once for all of its records. */
export async function describeTaskSources(db: Executor, sources: { module: string; recordId: string }[]): Promise<Map<string, TaskSourceLabel>> {
  const labels = new Map<string, TaskSourceLabel>();
  for (const m of installed) {
    const ids = [...new Set(sources.filter((s) => s.module === m.name).map((s) => s.recordId))];
    if (!m.taskSources || ids.length === 0) continue;
    for (const [id, label] of await m.taskSources(db, ids)) labels.set(`${m.name}:${id}`, label);
  }
  return labels;
}
