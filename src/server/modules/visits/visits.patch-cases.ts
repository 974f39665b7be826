import { type Env, type PatchCases, get, post, uscc } from '../../test/patch-cases';

let serial = 0;
let firmId = 0;
let otherFirmId = 0;

/** The visits module's PATCH routes for the generic PATCH test. */
const ensureFirm = async ({ units }: Env, client: Parameters<typeof post>[0]) => {
  if (!firmId)
    firmId = (
      await post(client, '/api/enterprises', {
        name: '宝丰县交流测试有限公司',
        uscc: uscc(9300001),
        townshipUnitId: units.daying,
        address: '大营镇工业园区9号',
        industryCode: 'C31',
      })
    ).id;
  return firmId;
};

export const patchCases: PatchCases = {
  operations: {
    'PATCH /api/visits/{id}': {
      as: 'office',
      create: async (env, client) =>
        (
          await post(client, '/api/visits', {
            enterpriseId: await ensureFirm(env, client),
            visitDate: '2021-10-11',
            peopleMet: '总经理',
            discussion: '了解三季度生产情况',
          })
        ).id,
      read: async (_env, client, id) => {
        const visit = await get(client, `/api/visits/${id}`);
        return { ...visit, officerUserIds: (visit.officers as { id: number }[]).map((o) => o.id) };
      },
      fields: {
        visitDate: { value: '2021-10-08' },
        officerUserIds: { value: ({ users }: Env) => [users.daying], shows: ['officerUserIds', 'officers'] },
        peopleMet: { value: '董事长、财务负责人' },
        discussion: { value: '宣讲技改补助政策' },
      },
    },
    'PATCH /api/visits/exchanges/{id}': {
      as: 'office',
      create: async (env, client) => {
        const { units } = env;
        await ensureFirm(env, client);
        if (!otherFirmId)
          otherFirmId = (
            await post(client, '/api/enterprises', {
              name: '宝丰县交流测试二有限公司',
              uscc: uscc(9300002),
              townshipUnitId: units.daying,
              address: '大营镇工业园区10号',
              industryCode: 'C31',
            })
          ).id;
        return (
          await post(client, '/api/visits/exchanges', {
            personName: `交流干部${++serial}`,
            direction: 'to_firm',
            unitId: units.gxj,
            enterpriseId: firmId,
            role: '驻企服务专员',
            fromDate: '2026-01-05',
          })
        ).id;
      },
      read: async (_env, client, id) => {
        const { items } = await get(client, '/api/visits/exchanges?pageSize=200');
        const row = (items as { id: number; unit: { id: number }; enterprise: { id: number } }[]).find((e) => e.id === id);
        return { ...row, unitId: row?.unit.id, enterpriseId: row?.enterprise.id } as Record<string, unknown>;
      },
      auditAction: 'visit_exchange.update',
      fields: {
        personName: { value: () => `改名干部${++serial}` },
        direction: { value: 'to_unit' },
        unitId: { value: ({ units }: Env) => units.kjj, shows: ['unitId', 'unit'] },
        enterpriseId: { value: () => otherFirmId, shows: ['enterpriseId', 'enterprise'] },
        role: { value: '挂职副总' },
        fromDate: { value: '2026-02-01' },
        toDate: { value: '2026-12-31' },
        note: { value: '补丁测试' },
      },
    },
  },
};
