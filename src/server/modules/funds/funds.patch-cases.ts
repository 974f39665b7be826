import { type Env, type PatchCases, get, post } from '../../test/patch-cases';

let serial = 0;

/** The funds module's PATCH routes for the generic PATCH test. */
export const patchCases: PatchCases = {
  operations: {
    'PATCH /api/funds/programmes/{id}': {
      as: 'office',
      create: async ({ units }, client) =>
        (
          await post(client, '/api/funds/programmes', {
            fund: 'innovation',
            name: `补丁资金项目 ${++serial}`,
            year: 2026,
            budgetFen: 500_000_000,
            opensOn: '2026-01-01',
            closesOn: '2026-06-30',
            materials: '申请表',
            basis: '宝政〔2026〕1 号',
            reviewUnitId: units.kjj,
            categories: [{ name: '研发机构奖励', ruleKind: 'fixed', amountFen: 10_000_000 }],
          })
        ).id,
      read: (_env, client, id) => get(client, `/api/funds/programmes/${id}`),
      auditAction: 'fund_programme.update',
      fields: {
        name: { value: () => `补丁资金项目改 ${++serial}` },
        budgetFen: { value: 600_000_000, shows: ['budgetFen', 'remainingFen'] },
        opensOn: { value: '2026-02-01' },
        closesOn: { value: '2026-07-31' },
        materials: { value: '申请表；营业执照' },
        basis: { value: '宝政〔2026〕2 号' },
        reviewUnitId: { value: ({ units }: Env) => units.gxj, shows: ['reviewUnit'] },
      },
    },
    'PATCH /api/funds/policies/{id}': {
      as: 'office',
      create: async ({ units }, client) => {
        const programme = await post(client, '/api/funds/programmes', {
          fund: 'industry',
          name: `补丁政策资金 ${++serial}`,
          year: 2026,
          budgetFen: 500_000_000,
          opensOn: '2026-01-01',
          closesOn: '2026-12-31',
          reviewUnitId: units.kjj,
          categories: [{ name: '奖励', ruleKind: 'fixed', amountFen: 10_000_000 }],
        });
        return (
          await post(client, '/api/funds/policies', {
            name: `补丁政策 ${serial}`,
            summary: '摘要',
            programmeId: programme.id,
            categoryId: (programme.categories as { id: number }[])[0]?.id,
            eligibility: { field: 'aboveScale', op: 'eq', value: true },
            autoGrant: true,
            active: true,
          })
        ).id;
      },
      read: (_env, client, id) => get(client, `/api/funds/policies/${id}`),
      auditAction: 'fund_policy.update',
      fields: {
        name: { value: () => `补丁政策改 ${++serial}` },
        summary: { value: '新的摘要' },
        eligibility: { value: { field: 'highTech', op: 'eq', value: true }, shows: ['eligibility', 'qualifying'] },
        autoGrant: { value: false },
        active: { value: false },
      },
    },
  },
};
