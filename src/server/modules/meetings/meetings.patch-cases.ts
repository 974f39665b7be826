import { type Env, type PatchCases, get, post } from '../../test/patch-cases';

/** The meetings module's PATCH routes for the generic PATCH test. */
export const patchCases: PatchCases = {
  operations: {
    'PATCH /api/meetings/{id}': {
      as: 'office',
      create: async ({ units }, client) =>
        (
          await post(client, '/api/meetings', {
            kind: 'dispatch',
            title: '补丁调度会',
            meetingDate: '2021-10-20',
            location: '县政府三楼会议室',
            convener: '副县长 李某',
            attendees: '各乡镇分管负责同志',
            unitIds: [units.daying],
            agenda: '研究落后指标整改',
            minutes: '会议纪要初稿',
            status: 'planned',
          })
        ).id,
      read: (_env, client, id) => get(client, `/api/meetings/${id}`),
      fields: {
        title: { value: '补丁调度会二' },
        meetingDate: { value: '2021-10-21' },
        location: { value: '县政府五楼会议室' },
        convener: { value: '县长 王某' },
        attendees: { value: '县直有关部门' },
        unitIds: { value: ({ units }: Env) => [units.chengguan, units.tjj], shows: ['units'] },
        agenda: { value: '通报9月指标' },
        minutes: { value: '会议纪要定稿' },
        status: { value: 'held' },
        // Decisions are taken by a held meeting, hence after the status.
        newDecisions: { value: ({ units }: Env) => [{ text: '大营镇月底前完成整改', ownerUnitId: units.daying, dueDate: '2021-10-29' }], shows: ['decisions'] },
      },
    },
  },
};
