import { type Env, type PatchCases, get, post } from '../../test/patch-cases';

const chainBody = ({ units, users }: Env, code: string, team: string) => ({
  code,
  nameZh: '补丁测试产业链',
  nameEn: 'Patch test chain',
  teamUnitId: units[team],
  groupUnitId: units['grp-food'],
  leaderUserId: users.leader,
  description: '链长制',
});

// The lead case moves its lead to a second chain made with it.
let otherChainId = 0;

/** The chains module's PATCH routes for the generic PATCH test. */
export const patchCases: PatchCases = {
  operations: {
    'PATCH /api/chains/{id}': {
      as: 'office',
      create: async (env, client) => (await post(client, '/api/chains', chainBody(env, 'PATCH-C1', 'team-textile'))).id,
      // The record's own fields; counts and the lists hanging off it are derived, not edited.
      read: async (_env, client, id) => {
        const { firmCount, segmentCount, weakCount, memberCount, members, segments, links, projects, leads, can, ...fields } = await get(
          client,
          `/api/chains/${id}`,
        );
        return fields;
      },
      fields: {
        code: { value: 'PATCH-C1B' },
        nameZh: { value: '补丁测试产业链（改）' },
        nameEn: { value: 'Patch test chain (renamed)' },
        teamUnitId: { value: ({ units }: Env) => units['team-hydrogen'], shows: ['teamUnit'] },
        groupUnitId: { value: null, shows: ['groupUnit'] },
        leaderUserId: { value: null, shows: ['leader'] },
        description: { value: '聚焦短板招商' },
      },
    },
    'PATCH /api/leads/{id}': {
      as: 'office',
      create: async (env, client) => {
        const chain = await post(client, '/api/chains', chainBody(env, 'PATCH-C2', 'team-biomed'));
        otherChainId = (await post(client, '/api/chains', chainBody(env, 'PATCH-C3', 'team-electronics'))).id;
        const lead = await post(client, '/api/leads', {
          name: '补丁测试招商项目',
          investor: '测试投资有限公司',
          source: 'visit',
          industryCode: 'C27',
          chainId: chain.id,
          plannedInvestmentFen: 10_000_000_000,
          contact: '张经理',
          note: '',
        });
        return lead.id;
      },
      read: async (_env, client, id) => {
        const { stalled, history, task, can, countsInYear, ...fields } = await get(client, `/api/leads/${id}`);
        return fields;
      },
      fields: {
        name: { value: '补丁测试招商项目（二期）' },
        investor: { value: '另一投资有限公司' },
        source: { value: 'expo' },
        industryCode: { value: 'C35' },
        chainId: { value: () => otherChainId, shows: ['chain'] },
        teamUnitId: { value: ({ units }: Env) => units['team-electronics'], shows: ['teamUnit'] },
        townshipUnitId: { value: ({ units }: Env) => units.daying, shows: ['townshipUnit'] },
        plannedInvestmentFen: { value: 20_000_000_000 },
        contact: { value: '李经理' },
        note: { value: '已初步接洽' },
      },
    },
  },
};
