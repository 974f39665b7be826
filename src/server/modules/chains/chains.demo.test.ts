import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureDemoEnterprises, enterprisesFile } from '../../core/enterprises/enterprises.demo';
import { type TestApp, createTestApp } from '../../test/build-app';
import { projects } from '../projects';
import { ensureDemoChains } from './chains.demo';

const FIRMS = fileURLToPath(new URL('../../../../scripts/demo/baofeng-enterprises.json', import.meta.url));
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-12-02T02:00:00Z');
  await ensureDemoEnterprises(t.deps, enterprisesFile.parse(JSON.parse(fs.readFileSync(FIRMS, 'utf8'))));
  // The chain pages list the projects of the library, so its demo comes first (as in the module order).
  await projects.demo?.(t.deps, undefined as never);
});
afterAll(() => t.close());

it('loads the 12 chains with weak links, the loop and outside links, and leads in every stage, nothing in the future', async () => {
  expect(await ensureDemoChains(t.deps)).toBe(true);
  expect(await ensureDemoChains(t.deps)).toBe(false);
  const office = await t.signIn('office');
  const chains = (await office.get('/api/chains?pageSize=50')).json();
  expect(chains.total).toBe(12);
  expect(chains.items.every((c: { leader: unknown; weakCount: number; segmentCount: number }) => c.leader && c.segmentCount >= 3)).toBe(true);
  expect(chains.items.some((c: { firmCount: number }) => c.firmCount > 0)).toBe(true);
  const graph = (await office.get('/api/chains/graph')).json();
  expect(new Set(graph.links.map((l: { kind: string }) => l.kind))).toEqual(new Set(['inside', 'outside', 'circular']));
  const stainless = chains.items.find((c: { code: string }) => c.code === 'CL01');
  const page = (await office.get(`/api/chains/${stainless.id}`)).json();
  expect(page.projects.length).toBeGreaterThan(0);
  expect(page.leads.length).toBeGreaterThan(0);
  const leads = (await office.get('/api/leads?pageSize=200')).json();
  expect(leads.total).toBeGreaterThan(40);
  expect(new Set(leads.items.map((l: { stage: string }) => l.stage)).size).toBe(7);
  expect(leads.items.some((l: { stalled: boolean }) => l.stalled)).toBe(true);
  const latest = await t.deps.db
    .selectFrom('chainLeads')
    .select((eb) => [eb.fn.max('updatedAt').as('u'), eb.fn.max('signedDate').as('s')])
    .executeTakeFirstOrThrow();
  expect(String(latest.u) <= '2026-12-02T23:59').toBe(true);
  expect(String(latest.s) <= '2026-12-02').toBe(true);
  const board = (await office.get('/api/leads/scoreboard')).json();
  expect(board.rows).toHaveLength(12);
  expect(board.rows[0].counted).toBeGreaterThan(0);
  // The stainless team's officer sees its own chain and leads only.
  const team = await t.signIn('stainless.team');
  expect((await team.get('/api/chains')).json().total).toBe(1);
  expect((await team.get('/api/leads/scoreboard')).json().rows).toHaveLength(1);
});
