import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/build-app';
import { type Env, type Operation, type PatchCases, type State, get, post, uscc } from '../../test/patch-cases';

// House rule 12: a PATCH changes exactly the fields it names. Every PATCH operation of the app is listed below with
// a record whose fields all differ from their defaults, and a new value for each field of its body; each field is
// sent alone, and everything else about the record (as its GET, or the database, shows it) must stay as it was.
// The operations and their body fields are read from the OpenAPI document, so a new PATCH route, or a new field of
// an update body, fails here until it has its row.

const CORE_OPERATIONS: Record<string, Operation> = {
  'PATCH /api/enterprises/{id}': {
    as: 'office',
    create: async ({ units, users }, client) =>
      (
        await post(client, '/api/enterprises', {
          name: '宝丰县补丁测试有限公司',
          uscc: uscc(9100001),
          townshipUnitId: units.daying,
          address: '大营镇工业园区8号',
          industryCode: 'C31',
          chainUnitIds: [units['team-stainless'], units['team-optics']],
          aboveScale: true,
          highTech: true,
          highTechCertNo: 'GR202141000123',
          highTechValidTo: '2024-12-01',
          smeTier: 'provincial',
          rdInstitutions: '省级企业技术中心',
          employees: 320,
          serviceTeamUnitId: units['team-stainless'],
          chiefOfficerUserId: users['stainless.team'],
          contacts: [{ name: '张经理', position: '总经理', phone: '13800000001', idNumber: '410421198001011234' }],
        })
      ).id,
    read: (_env, client, id) => get(client, `/api/enterprises/${id}`),
    fields: {
      name: { value: '宝丰县补丁测试股份有限公司' },
      uscc: { value: uscc(9100002) },
      townshipUnitId: { value: ({ units }: Env) => units.chengguan, shows: ['township'] },
      address: { value: '城关镇建设路1号' },
      industryCode: { value: 'C33' },
      chainUnitIds: { value: ({ units }: Env) => [units['team-graphite']], shows: ['chains'] },
      aboveScale: { value: false },
      highTech: { value: false },
      highTechCertNo: { value: 'GR202241000999' },
      highTechValidTo: { value: '2025-06-30' },
      smeTier: { value: 'little_giant' },
      rdInstitutions: { value: '院士工作站' },
      employees: { value: 418 },
      serviceTeamUnitId: { value: ({ units }: Env) => units['team-optics'], shows: ['serviceTeam'] },
      chiefOfficerUserId: { value: ({ users }: Env) => users.office, shows: ['chiefOfficer'] },
      contacts: { value: [{ name: '李会计', position: '财务', phone: '13800000002', idNumber: '' }] },
    },
  },

  'PATCH /api/units/{id}': {
    as: 'sysadmin',
    create: async ({ units }, client) =>
      (
        await post(client, '/api/units', {
          parentId: units.daying,
          code: 'patch-unit',
          nameZh: '补丁测试单位',
          nameEn: 'Patch test unit',
          kind: 'department',
          divisionCode: '410421105',
          sortOrder: 17,
        })
      ).id,
    read: (_env, client, id) => get(client, `/api/units/${id}`),
    fields: {
      parentId: { value: ({ units }: Env) => units.chengguan },
      code: { value: 'patch-unit-2' },
      nameZh: { value: '补丁测试单位二' },
      nameEn: { value: 'Patch test unit 2' },
      kind: { value: 'industry_group' },
      divisionCode: { value: '410421100' },
      sortOrder: { value: 18 },
      active: { value: false },
    },
  },

  'PATCH /api/users/{id}': {
    as: 'sysadmin',
    create: async ({ units }, client) =>
      (
        await post(client, '/api/users', {
          username: 'patch.user',
          displayName: '补丁用户',
          phone: '0375-6000001',
          unitId: units.daying,
        })
      ).id,
    read: (_env, client, id) => get(client, `/api/users/${id}`),
    fields: {
      displayName: { value: '补丁用户二' },
      phone: { value: '0375-6000002' },
      unitId: { value: ({ units }: Env) => units.chengguan, shows: ['unit'] },
      active: { value: false },
    },
  },

  'PATCH /api/roles/{id}': {
    as: 'secadmin',
    create: async ({ units }, client) =>
      (
        await post(client, '/api/roles', {
          code: 'patch_role',
          nameZh: '补丁角色',
          nameEn: 'Patch role',
          dataScope: 'custom',
          customUnitIds: [units.daying],
          permissions: ['enterprise:read', 'unit:read'],
        })
      ).id,
    read: async (_env, client, id) => ((await client.get('/api/roles')).json() as State[]).find((r) => r.id === id) as State,
    fields: {
      nameZh: { value: '补丁角色二' },
      nameEn: { value: 'Patch role 2' },
      customUnitIds: { value: ({ units }: Env) => [units.chengguan, units.daying] },
      permissions: { value: ['enterprise:read'] },
      // Custom units mean nothing outside the custom scope, so leaving it drops them: named last for that reason.
      dataScope: { value: 'unit', shows: ['dataScope', 'customUnitIds'] },
    },
  },

  'PATCH /api/webhooks/{id}': {
    as: 'sysadmin',
    create: async ({ units }, client) =>
      (await post(client, '/api/webhooks', { unitId: units.daying, name: '大营镇群机器人', url: 'https://example.invalid/hook/1', active: false })).id,
    read: async (_env, client, id) => ((await get(client, '/api/webhooks?pageSize=100')).items as State[]).find((w) => w.id === id) as State,
    fields: {
      name: { value: '大营镇群机器人二' },
      url: { value: 'https://example.invalid/hook/2' },
      active: { value: true },
    },
  },
};

// Every module's cases, found by file name so that a new module brings its own.
const MODULE_CASES = Object.values(import.meta.glob<{ patchCases: PatchCases }>('../../modules/*/*.patch-cases.ts', { eager: true })).map((m) => m.patchCases);
const OPERATIONS: Record<string, Operation> = Object.assign({}, CORE_OPERATIONS, ...MODULE_CASES.map((c) => c.operations));

/** Keys that every write touches. */
const VOLATILE = ['updatedAt'];

const without = (state: State, keys: string[]) => Object.fromEntries(Object.entries(state).filter(([k]) => !keys.includes(k)));
const only = (state: State, keys: string[]) => Object.fromEntries(Object.entries(state).filter(([k]) => keys.includes(k)));

interface OpenApi {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, { default?: unknown }> } }> } }>>;
}

let env: Env;
let patchOperations: { key: string; properties: Record<string, { default?: unknown }> }[];

beforeAll(async () => {
  const t = await createTestApp();
  for (const cases of MODULE_CASES) await cases.setup?.(t);
  t.clock.set('2021-10-12T02:00:00Z');
  const units = Object.fromEntries((await t.deps.db.selectFrom('orgUnits').select(['id', 'code']).execute()).map((u) => [u.code, u.id]));
  const users = Object.fromEntries((await t.deps.db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.username, u.id]));
  const roles = Object.fromEntries((await t.deps.db.selectFrom('roles').select(['id', 'code']).execute()).map((r) => [r.code, r.id]));
  env = { t, units, users, roles };
  const doc = t.app.swagger() as unknown as OpenApi;
  patchOperations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    methods.patch ? [{ key: `PATCH ${path}`, properties: methods.patch.requestBody?.content['application/json']?.schema.properties ?? {} }] : [],
  );
});
afterAll(() => env.t.close());

describe('PATCH semantics', () => {
  it('has a row for every PATCH operation of the app, naming every field of its body', () => {
    expect(patchOperations.map((o) => o.key).sort()).toEqual(Object.keys(OPERATIONS).sort());
    for (const op of patchOperations) expect(Object.keys(OPERATIONS[op.key].fields).sort(), op.key).toEqual(Object.keys(op.properties).sort());
  });

  it('documents no default for any field of a PATCH body', () => {
    for (const op of patchOperations) for (const [name, schema] of Object.entries(op.properties)) expect(schema.default, `${op.key} ${name}`).toBeUndefined();
  });

  for (const [key, op] of Object.entries(OPERATIONS)) {
    it(`${key} changes exactly the field it names`, async () => {
      const client = await env.t.signIn(op.as);
      const id = await op.create(env, client);
      const url = op.url?.(id) ?? key.replace(/^PATCH /, '').replace('{id}', String(id));
      const entityId = op.auditEntityId?.(id) ?? String(id);
      for (const [name, field] of Object.entries(op.fields)) {
        const before = await op.read(env, client, id);
        const lastAudit =
          (
            await env.t.deps.db
              .selectFrom('auditLog')
              .select((eb) => eb.fn.max('id').as('id'))
              .executeTakeFirstOrThrow()
          ).id ?? 0;
        const value = typeof field.value === 'function' ? field.value(env, before) : field.value;
        const res = await client.patch(url, { [name]: value });
        expect(res.statusCode, `${key} ${name}: ${res.body}`).toBe(200);
        const after = await op.read(env, client, id);
        const touched = [...(field.shows ?? [name]), ...VOLATILE];
        expect(without(after, touched), `${key} ${name} left the other fields alone`).toEqual(without(before, touched));
        expect(only(after, touched), `${key} ${name} changed`).not.toEqual(only(before, touched));

        // The audit row holds the whole record before and after, differing only where the field shows.
        const audit = await env.t.deps.db
          .selectFrom('auditLog')
          .select(['action', 'beforeJson', 'afterJson'])
          .where('id', '>', Number(lastAudit))
          .where('entityId', '=', entityId)
          .where('action', 'like', op.auditAction ?? '%.update')
          .executeTakeFirstOrThrow();
        const auditBefore = JSON.parse(audit.beforeJson ?? '{}') as State;
        const auditAfter = JSON.parse(audit.afterJson ?? '{}') as State;
        expect(Object.keys(auditAfter).sort(), `${key} ${name} audit after`).toEqual(Object.keys(auditBefore).sort());
        const auditTouched = [...touched, name];
        expect(without(auditAfter, auditTouched), `${key} ${name} audit`).toEqual(without(auditBefore, auditTouched));
        expect(only(auditAfter, auditTouched), `${key} ${name} audit changed`).not.toEqual(only(auditBefore, auditTouched));
      }
    });
  }
});
