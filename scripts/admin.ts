// Administration outside the web UI, for installation and recovery:
//   npm run admin -- load-county <county.json>
//   npm run admin -- create-user <username> <unit-code> <role-code> [display name]   (password from ADMIN_PASSWORD or prompted)
//   npm run admin -- unlock <username>
//   npm run admin -- reset-mfa <username>   (a lost phone: the user enrols a new authenticator at the next sign-in)
import fs from 'node:fs';
import readline from 'node:readline/promises';
import { loadConfig } from '../src/server/config';
import { systemContext } from '../src/server/core/access/context';
import { recordAudit } from '../src/server/core/audit/audit.service';
import { authRepository } from '../src/server/core/auth/auth.repository';
import { clearLoginThrottles } from '../src/server/core/auth/throttle';
import { checkNewPassword } from '../src/server/core/auth/auth.service';
import { openConfiguredDb } from '../src/server/core/db/database';
import { systemClock } from '../src/server/core/deps';
import { installModules } from '../src/server/core/modules/registry';
import { countyFile, createAccount, ensureBuiltinRoles, loadCounty } from '../src/server/core/setup/bootstrap';
import { PLATFORM, migratePlatform } from '../src/server/platform';

const [command, ...args] = process.argv.slice(2);
const config = loadConfig();
const database = openConfiguredDb(config);
await migratePlatform(database);
installModules(PLATFORM);
const deps = { db: database.db, dialect: database.dialect, config, clock: systemClock };
await ensureBuiltinRoles(deps);

async function askPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question('Initial password (the user must change it at first sign-in): ');
  rl.close();
  return answer;
}

try {
  if (command === 'load-county' && args[0]) {
    const created = await loadCounty(deps, countyFile.parse(JSON.parse(fs.readFileSync(args[0], 'utf8'))));
    console.log(created ? 'County loaded.' : 'County already present; nothing changed.');
  } else if (command === 'create-user' && args.length >= 3) {
    const [username, unitCode, roleCode, displayName = username] = args;
    const password = await askPassword();
    await checkNewPassword(deps, 'password', password, username).catch(() => {
      throw new Error('The password does not meet the password policy (length and character classes).');
    });
    await database.db
      .transaction()
      .execute((trx) => createAccount(deps, trx, { username, unitCode, roleCodes: [roleCode], displayName, password, mustChange: true }));
    console.log(`User ${username} created with role ${roleCode}; they must change the password at first sign-in.`);
  } else if (command === 'unlock' && args[0]) {
    await database.db.transaction().execute(async (trx) => {
      const user = await trx.selectFrom('users').select('id').where('username', '=', args[0]).executeTakeFirstOrThrow();
      await trx.updateTable('users').set({ failedLogins: 0, lockedUntil: null }).where('id', '=', user.id).execute();
      await clearLoginThrottles(trx, args[0]);
      await recordAudit(trx, deps, systemContext(), { action: 'user.unlock', entityType: 'user', entityId: user.id });
    });
    console.log(`User ${args[0]} unlocked.`);
  } else if (command === 'reset-mfa' && args[0]) {
    await database.db.transaction().execute(async (trx) => {
      const user = await trx.selectFrom('users').select('id').where('username', '=', args[0]).executeTakeFirstOrThrow();
      await authRepository.removeMfa(trx, user.id);
      await authRepository.deleteUserSessions(trx, user.id);
      await recordAudit(trx, deps, systemContext(), { action: 'user.mfa_reset', entityType: 'user', entityId: user.id });
    });
    console.log(`Second factor of ${args[0]} reset; they set up a new authenticator at the next sign-in.`);
  } else {
    console.log(
      'Usage: npm run admin -- load-county <file> | create-user <username> <unit-code> <role-code> [name] | unlock <username> | reset-mfa <username>',
    );
    process.exitCode = 2;
  }
} finally {
  await database.close();
}
