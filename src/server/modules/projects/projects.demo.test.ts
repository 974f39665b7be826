import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureDemoEnterprises, enterprisesFile } from '../../core/enterprises/enterprises.demo';
import { type TestApp, createTestApp } from '../../test/build-app';
import { ensureDemoProjects } from './projects.demo';

const FIRMS = fileURLToPath(new URL('../../../../scripts/demo/baofeng-enterprises.json', import.meta.url));
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-12-02T02:00:00Z');
  await ensureDemoEnterprises(t.deps, enterprisesFile.parse(JSON.parse(fs.readFileSync(FIRMS, 'utf8'))));
});
afterAll(() => t.close());

it('loads about 40 projects across libraries, stages, colours and milestone states, nothing dated in the future', async () => {
  expect(await ensureDemoProjects(t.deps)).toBe(true);
  expect(await ensureDemoProjects(t.deps)).toBe(false);
  const office = await t.signIn('office');
  const all = (await office.get('/api/projects?pageSize=200')).json();
  expect(all.total).toBe(40);
  type P = { id: number; library: string; stage: string; colour: string; leader: unknown };
  const items: P[] = all.items;
  expect(new Set(items.map((p) => p.library)).size).toBe(2);
  expect(new Set(items.map((p) => p.stage)).size).toBe(6);
  expect(new Set(items.map((p) => p.colour))).toEqual(new Set(['green', 'yellow', 'red']));
  const states = new Set<string>();
  for (const p of items) for (const m of (await office.get(`/api/projects/${p.id}`)).json().milestones) states.add(m.state);
  expect(states).toEqual(new Set(['pending', 'due_soon', 'overdue', 'met', 'met_late']));
  const latest = await t.deps.db
    .selectFrom('projectInvestments')
    .select((eb) => eb.fn.max('month').as('m'))
    .executeTakeFirstOrThrow();
  expect(latest.m).toBe('2026-11');
  const met = await t.deps.db
    .selectFrom('projectMilestones')
    .select((eb) => eb.fn.max('metDate').as('d'))
    .executeTakeFirstOrThrow();
  expect(String(met.d) <= '2026-12-02').toBe(true);
  const leaders = (await office.get('/api/projects/leaders')).json().items;
  expect(leaders.length).toBe(4);
});
