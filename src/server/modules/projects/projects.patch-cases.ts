import { ensureDemoEnterprises, enterprisesFile } from '../../core/enterprises/enterprises.demo';
import { readDemoFile } from '../../core/setup/demo-files';
import { type Env, type PatchCases, type State, get, post } from '../../test/patch-cases';

const WAN = 1_000_000;

const projectBody = ({ units, users }: Env, code: string) => ({
  code,
  name: '补丁测试智能化改造项目',
  library: 'three_transformations',
  types: ['intelligent', 'technical'],
  chainUnitId: units['grp-stainless'],
  townshipUnitId: units.daying,
  stage: 'construction',
  totalInvestmentFen: 5000 * WAN,
  annualPlanFen: 1200 * WAN,
  plannedStart: '2021-03-01',
  plannedCompletion: '2022-06-30',
  plannedProduction: '2022-09-30',
  leaderUserId: users.leader,
  responsibleUnitId: units.daying,
  responsiblePerson: '张三',
  serviceTeamUnitId: units['team-stainless'],
  content: '新建智能化生产线 2 条',
  location: '大营镇产业园',
  lng: 113.05,
  lat: 33.87,
});

let firmId = 0;

// The milestone case edits one milestone of a project made for it; the project's id is kept for its address.
const milestoneProject = new Map<number, number>();

/** The projects module's PATCH routes for the generic PATCH test. */
export const patchCases: PatchCases = {
  async setup(t) {
    await ensureDemoEnterprises(t.deps, enterprisesFile.parse(readDemoFile('baofeng-enterprises.json')));
    firmId = (await t.deps.db.selectFrom('enterprises').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  },
  operations: {
    'PATCH /api/projects/{id}': {
      as: 'office',
      create: async (env, client) => (await post(client, '/api/projects', projectBody(env, 'PATCH-1'))).id,
      // The record's own fields; progress, colour and the lists hanging off it are derived, not edited.
      read: async (_env, client, id) => {
        const { progress, milestones, tasks, can, investments, ytdFen, completion, gapPp, colour, overdueMilestones, ...fields } = await get(
          client,
          `/api/projects/${id}`,
        );
        return fields;
      },
      fields: {
        code: { value: 'PATCH-1B' },
        name: { value: '补丁测试绿色化改造项目' },
        library: { value: 'strong_county' },
        types: { value: ['green'] },
        enterpriseId: { value: () => firmId, shows: ['enterprise'] },
        chainUnitId: { value: ({ units }: Env) => units['grp-optics'], shows: ['chainUnit'] },
        townshipUnitId: { value: ({ units }: Env) => units.chengguan, shows: ['townshipUnit'] },
        stage: { value: 'completed' },
        totalInvestmentFen: { value: 6000 * WAN },
        annualPlanFen: { value: 1500 * WAN },
        plannedStart: { value: '2021-04-01' },
        plannedCompletion: { value: '2022-07-31' },
        plannedProduction: { value: '2022-10-31' },
        leaderUserId: { value: null, shows: ['leader'] },
        responsibleUnitId: { value: ({ units }: Env) => units.gxj, shows: ['responsibleUnit'] },
        responsiblePerson: { value: '李四' },
        serviceTeamUnitId: { value: null, shows: ['serviceTeamUnit'] },
        content: { value: '新建绿色化生产线 1 条' },
        location: { value: '城关镇' },
        lng: { value: 113.1 },
        lat: { value: 33.9 },
      },
    },
    'PATCH /api/projects/{id}/milestones/{milestoneId}': {
      as: 'office',
      create: async (env, client) => {
        const project = await post(client, '/api/projects', projectBody(env, 'PATCH-2'));
        const milestone = (project.milestones as { id: number }[])[0] as { id: number };
        milestoneProject.set(milestone.id, project.id);
        return milestone.id;
      },
      url: (id) => `/api/projects/${milestoneProject.get(id)}/milestones/${id}`,
      auditEntityId: (id) => String(milestoneProject.get(id)),
      auditAction: 'project.milestone_update',
      read: async (_env, client, id) => {
        const project = await get(client, `/api/projects/${milestoneProject.get(id)}`);
        const { state: _s, task: _t, ...milestone } = (project.milestones as State[]).find((m) => m.id === id) as State;
        return milestone;
      },
      fields: {
        metDate: { value: '2021-10-08', shows: ['metDate', 'wasOverdue'] },
        note: { value: '已办结' },
        name: { value: '立项备案（补）' },
        ownerUnitId: { value: ({ units }: Env) => units.zrzyj, shows: ['ownerUnit'] },
        dueDate: { value: '2026-12-31', shows: ['dueDate', 'wasOverdue'] },
      },
    },
  },
};
