import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, loadModuleDemos } from '../../test/build-app';
import { ANONYMOUS, CALLERS, MATRIX_FILE, type Operation, concretePath, listOperations, reviewedMatrix } from '../../test/operations';

/**
 * The authorization matrix: every operation of the OpenAPI document × every demo account (one per built-in role) and
 * an anonymous caller, with who gets past the sign-in and permission gate kept as reviewed data in
 * `authz-matrix.json`. A new operation without its row, or a changed gate, fails here until the data is regenerated
 * (`UPDATE_AUTHZ_MATRIX=1 npx vitest run --project server-sqlite src/server/core/http/authz-matrix.test.ts`) and the
 * diff reviewed. Which records inside a granted permission a caller reaches (its data scope) is the matrix's second
 * dimension, `authz-scope.test.ts`.
 */

/**
 * Calls an operation without doing anything: a read is harmless as it is, and a write carries a body that cannot be
 * parsed, which is refused after the gate but before any handler runs.
 */
function call(client: Client, method: string, url: string) {
  if (method === 'GET') return client.request({ method, url });
  return client.request({ method: method as 'POST', url, payload: '{', headers: { 'content-type': 'application/json' } });
}

/** One line per operation, so that a review of the diff reads operation by operation. */
function matrixText(matrix: Record<string, string[]>): string {
  const lines = Object.entries(matrix).map(([op, callers]) => `  ${JSON.stringify(op)}: [${callers.map((c) => JSON.stringify(c)).join(', ')}]`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

let t: TestApp;
let operations: Operation[];
const clients = new Map<string, Client>();
beforeAll(async () => {
  t = await createTestApp();
  // Every module's demo, so that every built-in role has its demo account (a firm's comes with enterprise services).
  await loadModuleDemos(t);
  operations = await listOperations(t);
  clients.set(ANONYMOUS, t.anonymous());
  for (const username of CALLERS) clients.set(username, await t.signIn(username));
}, 120_000);
afterAll(() => t.close());

describe('authorization matrix', () => {
  it('lets through exactly the callers the reviewed matrix names, for every operation, and never fails with a 5xx', async () => {
    const actual: Record<string, string[]> = {};
    const crashes: string[] = [];
    for (const { method, template } of operations) {
      const passed: string[] = [];
      for (const [caller, client] of clients) {
        const res = await call(client, method, concretePath(template));
        if (res.statusCode >= 500) crashes.push(`${method} ${template} as ${caller}: ${res.statusCode}`);
        const code = res.statusCode === 401 || res.statusCode === 403 ? (res.json() as { code?: string }).code : null;
        if (code !== 'UNAUTHENTICATED' && code !== 'FORBIDDEN') passed.push(caller);
      }
      actual[`${method} ${template}`] = passed;
    }
    expect(crashes).toEqual([]);
    if (process.env.UPDATE_AUTHZ_MATRIX) fs.writeFileSync(MATRIX_FILE, matrixText(actual));
    const reviewed = reviewedMatrix();
    const missing = Object.keys(actual).filter((op) => !(op in reviewed));
    expect(missing, 'operations without a row in authz-matrix.json').toEqual([]);
    expect(actual).toEqual(reviewed);
  }, 300_000);

  it('refuses an anonymous caller on every operation that is not public', () => {
    const open = Object.entries(reviewedMatrix())
      .filter(([, callers]) => callers.includes(ANONYMOUS))
      .map(([op]) => op);
    // Sign-in, health, the API docs, a firm's self-registration (throttled per address) and its townships: a short
    // list, reviewed here.
    const reviewedOpen = new Set(['GET /api/services/registration/townships', 'POST /api/services/registrations']);
    expect(
      open.every((op) => /^(GET|POST) \/api\/(auth|health|docs)/.test(op) || reviewedOpen.has(op)),
      open.join('\n'),
    ).toBe(true);
  });
});
