import { type Env, type State, type PatchCases, get, post } from '../../test/patch-cases';

/** The documents module's PATCH routes for the generic PATCH test. */
export const patchCases: PatchCases = {
  operations: {
    'PATCH /api/documents/{id}': {
      as: 'office',
      create: async (_env, client) => (await post(client, '/api/documents/briefs', { month: '2021-09' })).id,
      read: (_env, client, id) => get(client, `/api/documents/${id}`),
      fields: {
        title: { value: '2021年9月主要指标运行情况（修改）' },
        addressee: { value: '各乡镇人民政府' },
        paragraphs: {
          value: (_env: Env, state: State) => {
            const index = (state.blocks as { kind: string; editable?: boolean }[]).findIndex((b) => b.kind === 'paragraph' && b.editable);
            return [{ index, text: '修改后的段落。' }];
          },
          shows: ['blocks', 'body'],
        },
      },
    },
  },
};
