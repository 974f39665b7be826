import { ensureDemoEnterprises, enterprisesFile } from '../../core/enterprises/enterprises.demo';
import { readDemoFile } from '../../core/setup/demo-files';
import { type Env, type PatchCases, get, post } from '../../test/patch-cases';
import { ensureServicesDemo } from '../services';
import { ensureFinancingDemo } from './financing.demo';

let serial = 0;

/** The financing module's PATCH routes for the generic PATCH test: a bank edits its own product, a firm its own need. */
export const patchCases: PatchCases = {
  async setup(t) {
    // The firm's account (wuxing) comes with the demo firms and enterprise services; the banks with financing's demo.
    await ensureDemoEnterprises(t.deps, enterprisesFile.parse(readDemoFile('baofeng-enterprises.json')));
    await ensureServicesDemo(t.deps);
    await ensureFinancingDemo(t.deps);
  },
  operations: {
    'PATCH /api/financing/needs/{id}': {
      as: 'wuxing',
      create: async ({ units }: Env, client) =>
        (
          await post(client, '/api/financing/needs', {
            amountFen: 300_000_000,
            termMonths: 12,
            purpose: '购买设备',
            collateral: '厂房抵押',
            urgency: 'urgent',
            contact: '张会计',
            shareWithAll: false,
            bankUnitIds: [units['bank-abc']],
            consent: true,
          })
        ).id,
      read: (_env, client, id) => get(client, `/api/financing/needs/${id}`),
      fields: {
        amountFen: { value: 200_000_000 },
        termMonths: { value: 24 },
        purpose: { value: '补充流动资金' },
        collateral: { value: '设备抵押' },
        urgency: { value: 'critical' },
        contact: { value: '李会计' },
      },
    },
    'PATCH /api/financing/products/{id}': {
      as: 'abc',
      create: async (_env, client) =>
        (
          await post(client, '/api/financing/products', {
            name: `补丁产品${++serial}`,
            type: 'tech',
            minAmountFen: 10_000_000,
            maxAmountFen: 500_000_000,
            termMonths: 12,
            rateMinBp: 380,
            rateMaxBp: 450,
            conditions: '高新技术企业',
            contact: '王经理',
          })
        ).id,
      read: async (_env, client, id) => {
        const { items } = await get(client, '/api/financing/products?pageSize=200');
        return (items as { id: number }[]).find((p) => p.id === id) as Record<string, unknown>;
      },
      auditAction: 'financing_product.update',
      fields: {
        name: { value: () => `补丁产品改${++serial}` },
        type: { value: 'working_capital' },
        minAmountFen: { value: 20_000_000 },
        maxAmountFen: { value: 600_000_000 },
        termMonths: { value: 24 },
        rateMinBp: { value: 390 },
        rateMaxBp: { value: 460 },
        conditions: { value: '科技型中小企业' },
        contact: { value: '李经理' },
        active: { value: false },
      },
    },
  },
};
