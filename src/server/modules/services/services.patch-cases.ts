import { type PatchCases, get, post } from '../../test/patch-cases';

let serial = 0;

/** The services module's PATCH routes for the generic PATCH test. */
export const patchCases: PatchCases = {
  operations: {
    'PATCH /api/services/categories/{id}': {
      as: 'office',
      create: async (_env, client) =>
        (await post(client, '/api/services/categories', { code: `patch_${++serial}`, nameZh: '补丁类别', nameEn: 'Patch category', limitDays: 7 })).id,
      read: async (_env, client, id) => {
        const { items } = await get(client, '/api/services/categories');
        return (items as { id: number }[]).find((c) => c.id === id) as Record<string, unknown>;
      },
      auditAction: 'service_category.update',
      fields: {
        code: { value: () => `patched_${++serial}` },
        nameZh: { value: '补丁类别二' },
        nameEn: { value: 'Patch category two' },
        limitDays: { value: 9 },
        active: { value: false },
      },
    },
  },
};
