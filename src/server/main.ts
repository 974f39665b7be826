import fs from 'node:fs';
import { loadConfig } from './config';
import { openConfiguredDb } from './core/db/database';
import { scheduledJobs } from './core/modules/registry';
import { startScheduler } from './core/scheduler/scheduler';
import { DEMO_PASSWORD, countyFile, createAccount } from './core/setup/bootstrap';
import { usersRepository } from './core/users/users.repository';
import { demoFile } from './paths';
import { bootApp, loadCountyData } from './platform';

const DEMO_COUNTY = demoFile('baofeng-county.json');

async function main() {
  const config = loadConfig();
  const database = openConfiguredDb(config);
  const { app, deps } = await bootApp({ config, database });

  const countyPath = process.env.COUNTY_FILE ?? (config.demo ? DEMO_COUNTY : undefined);
  const county = countyPath ? countyFile.parse(JSON.parse(fs.readFileSync(countyPath, 'utf8'))) : undefined;
  if (county) await loadCountyData(deps, county, { demo: config.demo });
  if (!(config.demo && county) && process.env.ADMIN_USERNAME && process.env.ADMIN_PASSWORD && process.env.ADMIN_UNIT) {
    // First start outside demo mode: the first system administrator comes from the environment, never a default.
    if (!(await usersRepository.any(deps.db))) {
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
  const stopJobs = startScheduler(deps, scheduledJobs(), (msg, err) => app.log.error({ err }, msg));
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
