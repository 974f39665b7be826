import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { loadConfig } from './config';
import { migrateToLatest, openConfiguredDb } from './core/db/database';
import { ensureCalendarSeeded } from './core/calendar/calendar.service';
import { JOBS } from './core/scheduler/jobs';
import { startScheduler } from './core/scheduler/scheduler';
import { DEMO_PASSWORD, countyFile, createAccount, ensureBuiltinRoles, ensureDemoAccounts, loadCounty } from './core/setup/bootstrap';
import { ensureDemoIndicators, indicatorsFile } from './modules/indicators/indicators.demo';
import { ensureDemoEnterprises, enterprisesFile } from './core/enterprises/enterprises.demo';
import { ensureDemoMeetingSchedule } from './modules/meetings/meetings.demo';
import { ensureDemoProjects } from './modules/projects/projects.demo';
import { ensureDemoReportForms, ensureDemoReports } from './modules/reports/reports.demo';

const DEMO_COUNTY = fileURLToPath(new URL('../../scripts/demo/baofeng-county.json', import.meta.url));
const DEMO_ENTERPRISES = fileURLToPath(new URL('../../scripts/demo/baofeng-enterprises.json', import.meta.url));
const DEMO_INDICATORS = fileURLToPath(new URL('../../scripts/demo/baofeng-indicators-2021.json', import.meta.url));

async function main() {
  const config = loadConfig();
  const database = openConfiguredDb(config);
  await migrateToLatest(database);
  const { app, deps } = await buildApp({ config, database });
  await ensureBuiltinRoles(deps);
  await ensureCalendarSeeded(deps);

  const countyPath = process.env.COUNTY_FILE ?? (config.demo ? DEMO_COUNTY : undefined);
  const county = countyPath ? countyFile.parse(JSON.parse(fs.readFileSync(countyPath, 'utf8'))) : undefined;
  if (county) await loadCounty(deps, county);
  if (config.demo && county) {
    await ensureDemoAccounts(deps, county);
    await ensureDemoIndicators(deps, indicatorsFile.parse(JSON.parse(fs.readFileSync(DEMO_INDICATORS, 'utf8'))));
    await ensureDemoEnterprises(deps, enterprisesFile.parse(JSON.parse(fs.readFileSync(DEMO_ENTERPRISES, 'utf8'))));
    await ensureDemoReportForms(deps);
    await ensureDemoReports(deps);
    await ensureDemoMeetingSchedule(deps);
    await ensureDemoProjects(deps);
  } else if (process.env.ADMIN_USERNAME && process.env.ADMIN_PASSWORD && process.env.ADMIN_UNIT) {
    // First start outside demo mode: the first system administrator comes from the environment, never a default.
    const exists = await deps.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (!exists) {
      await deps.db.transaction().execute((trx) =>
        createAccount(deps, trx, {
          username: process.env.ADMIN_USERNAME as string,
          displayName: '系统管理员',
          unitCode: process.env.ADMIN_UNIT as string,
          roleCodes: ['sysadmin'],
          password: process.env.ADMIN_PASSWORD as string,
          mustChange: true,
        }),
      );
    }
  }

  await app.listen({ port: config.port, host: config.host });
  // Every instance runs the scheduler; the job claims in the database make each period run on one of them only.
  const stopJobs = startScheduler(deps, JOBS, (msg, err) => app.log.error({ err }, msg));
  if (config.demo && county) {
    const accounts = county.demoUsers.map((u) => `  ${u.username.padEnd(10)} ${u.roles.join(',').padEnd(12)} ${u.displayName}`).join('\n');
    console.log(
      `\n工业强县 · demo county ${county.county.nameZh} at http://localhost:${config.port}\nDemo accounts (password ${DEMO_PASSWORD}):\n${accounts}\n`,
    );
  }
  const stop = async () => {
    stopJobs();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
