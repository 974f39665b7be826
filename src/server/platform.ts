import { type AppOptions, buildApp } from './app';
import { ensureCalendarSeeded } from './core/calendar/calendar.service';
import { core } from './core/core.module';
import { type DbHandle, migrateToLatest } from './core/db/database';
import type { Deps } from './core/deps';
import { migrationsOf } from './core/modules/registry';
import { type CountyFile, ensureBuiltinRoles, ensureDemoAccounts, loadCounty } from './core/setup/bootstrap';
import { MODULES } from './modules';

/** The core and every business module, in order: the one list the start-up iterates. */
export const PLATFORM = [core, ...MODULES];

/** Migrates a database to the platform's latest schema. */
export function migratePlatform(database: Pick<DbHandle, 'db' | 'schema'>): Promise<string[]> {
  return migrateToLatest(database, migrationsOf(PLATFORM));
}

/**
 * The one start-up sequence (the server, the test builder, the benches): migrate, build the app of every module,
 * create missing built-in roles and seed the working-day calendar.
 */
export async function bootApp(options: AppOptions) {
  await migratePlatform(options.database);
  const built = await buildApp(options, PLATFORM);
  await ensureBuiltinRoles(built.deps);
  await ensureCalendarSeeded(built.deps);
  return built;
}

/** Loads a county's units and, in demo mode, its demo accounts and every module's demo data. */
export async function loadCountyData(deps: Deps, county: CountyFile, { demo }: { demo: boolean }) {
  await loadCounty(deps, county);
  if (!demo) return;
  await ensureDemoAccounts(deps, county);
  for (const m of demoOrder()) await m.demo?.(deps, county);
}

/** The modules in the order their demos load: the module list's, with those that describe the others last. */
export const demoOrder = () => [...PLATFORM.filter((m) => !m.demoLast), ...PLATFORM.filter((m) => m.demoLast)];
