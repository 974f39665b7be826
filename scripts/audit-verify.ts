// Walks the audit log's hash chain and reports the first broken link; exits 1 when the chain is broken.
import { loadConfig } from '../src/server/config';
import { verifyAuditChain } from '../src/server/core/audit/audit.service';
import { openConfiguredDb } from '../src/server/core/db/database';

const database = openConfiguredDb(loadConfig());
const report = await verifyAuditChain(database.db);
await database.close();
if (report.ok) {
  console.log(`Audit chain intact: ${report.checked} rows checked.`);
} else {
  console.error(`Audit chain BROKEN at row ${report.firstBrokenId} (${report.checked} rows before it are intact).`);
  process.exit(1);
}
