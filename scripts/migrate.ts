// Brings the configured database (DATABASE_URL or the SQLite file under ./data) to the latest migration.
import { loadConfig } from '../src/server/config';
import { openConfiguredDb } from '../src/server/core/db/database';
import { migratePlatform } from '../src/server/platform';

const database = openConfiguredDb(loadConfig());
const applied = await migratePlatform(database);
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Already up to date.');
await database.close();
