import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, loadModuleDemos } from '../../test/build-app';
import { ANONYMOUS, type Operation, concretePath, listOperations, reviewedMatrix, rowCounts } from '../../test/operations';

/**
 * Fuzzing every write operation as a caller allowed to make it: property-based bodies (fast-check) shaped like the
 * operation's schema but with hostile values in its fields, and a few hostile bodies as a whole. No answer may be a
 * 5xx, and a rejected request writes nothing: every table's row count is unchanged (business writes always add an
 * audit row, so an update would show there too). FUZZ_RUNS raises the number of generated bodies per operation.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Sign-in and the session's own operations would end the fuzzing caller's session or lock its account.
const SKIPPED = new Set(['POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/password']);

/** Values that break careless handlers: wrong types, extremes, injection strings, deep and huge shapes. */
const hostile = fc.oneof(
  fc.constantFrom(null, '', ' ', 0, -1, 1.5, 2 ** 53 + 1, -(2 ** 31), true, [], {}, '1e309', 'NaN', '0x10', '2021-02-30', '2021-13'),
  fc.constantFrom("' OR 1=1 --", '<script>alert(1)</script>', '../../etc/passwd', '\u0000', '𠀀'.repeat(300), 'x'.repeat(70_000)),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A body with the schema's fields, each either a hostile value or left out. */
function bodies(op: Operation) {
  const fields = Object.keys(op.body?.properties ?? {});
  const shaped = fc.record(Object.fromEntries(fields.map((f) => [f, hostile])), { requiredKeys: [] });
  return fc.oneof({ arbitrary: shaped, weight: 6 }, { arbitrary: fc.constantFrom([], 'text', 42, null, { __proto__: { admin: true } }), weight: 1 });
}

let t: TestApp;
let targets: { op: Operation; caller: string }[];
const clients = new Map<string, Client>();
beforeAll(async () => {
  t = await createTestApp();
  // Every module's demo, so that every built-in role has its demo account (a firm's comes with enterprise services).
  await loadModuleDemos(t);
  const matrix = reviewedMatrix();
  targets = (await listOperations(t))
    .filter((op) => WRITES.has(op.method) && !SKIPPED.has(`${op.method} ${op.template}`))
    .flatMap((op) => {
      const caller = matrix[`${op.method} ${op.template}`]?.find((c) => c !== ANONYMOUS);
      return caller ? [{ op, caller }] : [];
    });
}, 60_000);
afterAll(() => t.close());

async function clientOf(caller: string): Promise<Client> {
  const known = clients.get(caller);
  if (known) return known;
  const client = await t.signIn(caller);
  clients.set(caller, client);
  return client;
}

describe('fuzzing the write operations', () => {
  it('sees a write in the row counts it compares', async () => {
    const before = await rowCounts(t.database);
    await t.signIn('daying');
    const after = await rowCounts(t.database);
    expect(Object.keys(after).length).toBeGreaterThan(50);
    expect(after.login_log).toBe(before.login_log + 1);
  });

  it('answers every hostile body without a 5xx, and a refused one writes nothing', async () => {
    const crashes: string[] = [];
    const partialWrites: string[] = [];
    let cases = 0;
    for (const { op, caller } of targets) {
      const url = concretePath(op.template);
      for (const body of fc.sample(bodies(op), { numRuns: RUNS, seed: 20261202 })) {
        const client = await clientOf(caller);
        const before = await rowCounts(t.database);
        const res = await client.request({ method: op.method as 'POST', url, payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
        cases++;
        const label = `${op.method} ${op.template} as ${caller} with ${JSON.stringify(body).slice(0, 200)}`;
        if (res.statusCode >= 500) crashes.push(`${label}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        if (res.statusCode >= 400) {
          const after = await rowCounts(t.database);
          const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
          if (changed.length > 0) partialWrites.push(`${label}: ${res.statusCode} wrote to ${changed.join(', ')}`);
        }
      }
    }
    expect(crashes).toEqual([]);
    expect(partialWrites).toEqual([]);
    expect(targets.length).toBeGreaterThan(50);
    console.info(`fuzzing: ${targets.length} write operations, ${cases} cases`);
  }, 600_000);
});
