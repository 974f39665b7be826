import { LEAD_STAGES, type LeadStage, daysBefore, stageIndex } from '../../../shared/rules/chains-attraction';
import { systemContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Deps } from '../../core/deps';
import { countyDay } from '../../core/scheduler/scheduler';
import { createTask } from '../../core/tasks/tasks.service';
import { chainsRepository } from './chains.repository';
import { insertChain } from './chains.service';

type Tier = 'upstream' | 'midstream' | 'downstream';
interface DemoChain {
  team: string;
  code: string;
  en: string;
  group: string;
  /** Segments: tier, name, key products, weak note ('' when not weak), whether it has no firm (a missing link). */
  segments: [Tier, string, string, string, boolean?][];
}

// Baofeng's 12 chains of 链长制, after the seed's industries: two leading ones (不锈钢, 新型煤化工), the 焦—钢—气—石墨
// loop, and the featured ones (视光, 绿色食品, 陶瓷) with those the county courts.
const CHAINS: DemoChain[] = [
  {
    team: 'team-stainless',
    code: 'CL01',
    en: 'Stainless steel',
    group: 'grp-stainless',
    segments: [
      ['upstream', '镍铁及铬铁冶炼', '镍铁、高碳铬铁、废不锈钢', '镍资源依赖外购，原料保障弱', true],
      ['midstream', '不锈钢冶炼及热轧', '不锈钢板坯、热轧卷板', ''],
      ['midstream', '冷轧及精密带钢', '冷轧卷、精密带钢', ''],
      ['downstream', '不锈钢制品', '管材、厨具、装饰板', '高端制品少，附加值低'],
    ],
  },
  {
    team: 'team-coalchem',
    code: 'CL02',
    en: 'New coal chemicals',
    group: 'grp-coalchem',
    segments: [
      ['upstream', '原煤洗选', '精煤、中煤', ''],
      ['midstream', '炼焦', '冶金焦、焦炉煤气、煤焦油', ''],
      ['downstream', '煤焦油深加工', '针状焦、沥青、酚类', '深加工链条短', true],
      ['downstream', '精细化工', '甲醇、乙二醇、可降解材料', '', true],
    ],
  },
  {
    team: 'team-graphite',
    code: 'CL03',
    en: 'Graphite and carbon materials',
    group: 'grp-carbon',
    segments: [
      ['upstream', '针状焦及石油焦', '针状焦、煅后焦', ''],
      ['midstream', '石墨化', '等静压石墨、石墨电极', ''],
      ['downstream', '负极材料及特种石墨', '锂电负极、光伏热场', '负极材料尚无规模企业', true],
    ],
  },
  {
    team: 'team-hydrogen',
    code: 'CL04',
    en: 'Hydrogen energy',
    group: 'grp-coalchem',
    segments: [
      ['upstream', '焦炉煤气提氢', '高纯氢', ''],
      ['midstream', '储运加注', '加氢站、长管拖车', '', true],
      ['downstream', '氢能应用', '氢燃料重卡、燃料电池', '应用场景少', true],
    ],
  },
  {
    team: 'team-optics',
    code: 'CL05',
    en: 'Optometry and eyewear',
    group: 'grp-optics',
    segments: [
      ['upstream', '镜片及镜架材料', '树脂单体、钛材、板材', '', true],
      ['midstream', '镜架及镜片制造', '金属镜架、树脂镜片', ''],
      ['downstream', '视光服务及销售', '验配中心、电商', ''],
    ],
  },
  {
    team: 'team-food',
    code: 'CL06',
    en: 'Green food',
    group: 'grp-food',
    segments: [
      ['upstream', '种养基地', '优质小麦、高粱、生猪', ''],
      ['midstream', '酿造及食品加工', '白酒、面制品、肉制品', ''],
      ['downstream', '冷链物流及销售', '冷库、配送', '冷链能力不足'],
    ],
  },
  {
    team: 'team-ceramics',
    code: 'CL07',
    en: 'Ru porcelain and ceramics',
    group: 'grp-ceramics',
    segments: [
      ['upstream', '瓷土及釉料', '瓷土、釉料', ''],
      ['midstream', '汝瓷烧制', '汝瓷、日用陶瓷', ''],
      ['downstream', '文创及研学', '文创产品、研学基地', '', true],
    ],
  },
  {
    team: 'team-equipment',
    code: 'CL08',
    en: 'Equipment manufacturing',
    group: 'grp-stainless',
    segments: [
      ['upstream', '铸锻件', '铸件、锻件', '', true],
      ['midstream', '通用设备', '矿山机械、输送设备', ''],
      ['downstream', '智能装备', '工业机器人、智能产线', '缺少集成商', true],
    ],
  },
  {
    team: 'team-buildmat',
    code: 'CL09',
    en: 'New building materials',
    group: 'grp-ceramics',
    segments: [
      ['upstream', '耐火原料', '铝矾土、镁砂', ''],
      ['midstream', '耐材及建材', '耐火砖、装配式构件', '', true],
      ['downstream', '工程应用', '窑炉工程、装配式建筑', '', true],
    ],
  },
  {
    team: 'team-electronics',
    code: 'CL10',
    en: 'Electronics',
    group: 'grp-optics',
    segments: [
      ['upstream', '电子材料', '覆铜板、电子浆料', '', true],
      ['midstream', '元器件', '连接器、线束', '', true],
      ['downstream', '终端产品', '智能终端、光电显示', '', true],
    ],
  },
  {
    team: 'team-biomed',
    code: 'CL11',
    en: 'Biomedicine',
    group: 'grp-food',
    segments: [
      ['upstream', '中药材种植', '丹参、金银花', ''],
      ['midstream', '原料药及制剂', '中药饮片、提取物', '', true],
      ['downstream', '医疗器械', '医用耗材', '', true],
    ],
  },
  {
    team: 'team-textile',
    code: 'CL12',
    en: 'Textiles and apparel',
    group: 'grp-food',
    segments: [
      ['upstream', '纺纱', '棉纱、化纤纱', '', true],
      ['midstream', '织造印染', '坯布、面料', '', true],
      ['downstream', '服装家纺', '服装、家纺', '规模小、品牌弱'],
    ],
  },
];

/** Links inside the county (the 焦—钢—气—石墨 loop among them) and to outside chains, from the seed's measure 八. */
const LINKS: [string, 'inside' | 'outside' | 'circular', string, string][] = [
  ['CL02', 'circular', 'CL01', '冶金焦供不锈钢冶炼（焦—钢）'],
  ['CL02', 'circular', 'CL04', '焦炉煤气提氢（焦—气）'],
  ['CL02', 'circular', 'CL03', '煤焦油制针状焦、石墨电极（焦—石墨）'],
  ['CL03', 'circular', 'CL01', '石墨电极用于电炉炼钢（石墨—钢）'],
  ['CL08', 'inside', 'CL01', '不锈钢材料就地配套装备制造'],
  ['CL09', 'inside', 'CL07', '耐火材料供陶瓷窑炉'],
  ['CL01', 'outside', '长葛金汇', '不锈钢产业链深度融合：废不锈钢回收与冷轧'],
  ['CL01', 'outside', '江苏德龙', '不锈钢产业链深度融合：镍铁原料与板材'],
  ['CL02', 'outside', '平煤', '原煤及炼焦煤保障'],
  ['CL02', 'outside', '郑煤', '原煤保障与煤化工合作'],
];

const MEMBER_UNITS = ['gxj', 'fgw', 'zrzyj', 'sthjj', 'jjq', 'yshj'];
const NAMES = ['王伟', '李娜', '张磊', '刘洋', '陈静', '杨帆', '赵勇', '黄敏', '周杰', '吴涛', '徐丽', '孙强'];

// Per chain: who might invest, in what, and its industry division (GB/T 4754), aimed at the chain's weak segments.
const INVESTORS: Record<string, [string, string, string][]> = {
  CL01: [
    ['河南金汇不锈钢产业集团', '废不锈钢回收及精密冷轧项目', 'C31'],
    ['江苏德龙镍业有限公司', '镍铁合金冶炼配套项目', 'C32'],
    ['广东厨具制造有限公司', '高端不锈钢厨具制品项目', 'C33'],
  ],
  CL02: [
    ['平顶山煤业集团', '焦炉煤气综合利用项目', 'C25'],
    ['郑州煤炭工业集团', '煤焦油深加工制针状焦项目', 'C25'],
    ['山西化工新材料有限公司', '可降解材料项目', 'C26'],
  ],
  CL03: [
    ['深圳新能源科技有限公司', '锂电负极材料项目', 'C30'],
    ['湖南碳素科技有限公司', '光伏热场特种石墨项目', 'C30'],
    ['上海石墨烯研究院有限公司', '石墨烯导热膜项目', 'C30'],
  ],
  CL04: [
    ['北京氢能科技有限公司', '加氢站建设运营项目', 'D45'],
    ['潍柴动力股份有限公司', '氢燃料电池重卡项目', 'C36'],
    ['河南氢能装备有限公司', '储氢瓶制造项目', 'C34'],
  ],
  CL05: [
    ['上海视光科技有限公司', '树脂镜片智能工厂项目', 'C35'],
    ['丹阳眼镜产业集团', '钛材镜架生产项目', 'C35'],
    ['温州光学有限公司', '视光检测中心项目', 'C35'],
  ],
  CL06: [
    ['北京中食控股有限公司', '中央厨房及冷链物流项目', 'C14'],
    ['河南酒业集团', '白酒智能酿造项目', 'C15'],
    ['郑州冷链物流有限公司', '农产品冷链仓储项目', 'C13'],
  ],
  CL07: [
    ['景德镇陶瓷集团', '汝瓷文创产业园项目', 'C30'],
    ['佛山陶瓷机械有限公司', '日用陶瓷智能生产线项目', 'C30'],
    ['北京文旅发展有限公司', '陶瓷研学基地项目', 'C30'],
  ],
  CL08: [
    ['广东智能装备有限公司', '工业机器人集成项目', 'C34'],
    ['洛阳重型机械有限公司', '矿山机械再制造项目', 'C35'],
    ['江苏铸造有限公司', '精密铸锻件项目', 'C33'],
  ],
  CL09: [
    ['浙江建材科技有限公司', '装配式建筑构件项目', 'C30'],
    ['郑州耐材集团', '高端耐火材料项目', 'C30'],
    ['河南窑炉工程有限公司', '工业窑炉节能改造项目', 'C30'],
  ],
  CL10: [
    ['苏州电子科技有限公司', '连接器及线束项目', 'C39'],
    ['深圳光电科技有限公司', '光电显示模组项目', 'C39'],
    ['昆山覆铜板有限公司', '电子覆铜板项目', 'C39'],
  ],
  CL11: [
    ['杭州生物医药有限公司', '中药提取物项目', 'C27'],
    ['郑州医疗器械有限公司', '医用耗材生产项目', 'C35'],
    ['河南中药饮片有限公司', '中药饮片加工项目', 'C27'],
  ],
  CL12: [
    ['福建纺织服装集团', '高端面料织造项目', 'C17'],
    ['浙江家纺有限公司', '家纺产品生产项目', 'C17'],
    ['江苏化纤纺纱有限公司', '功能性纱线项目', 'C17'],
  ],
};
const SOURCES = ['visit', 'referral', 'agency', 'expo', 'enterprise', 'online'] as const;
const STEPS: Record<string, string> = {
  lead: '电话联系投资方，确定接洽时间',
  contact: '邀请投资方来宝丰实地考察',
  inspection: '拟定投资协议初稿',
  negotiation: '报县政府常务会研究签约事项',
  signed: '协调办理用地及立项手续',
  started: '督促设备安装进度',
};

/** A small deterministic generator, so the demo is the same on every load. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/**
 * Baofeng's 12 chains under their service teams, with chain leaders, team members, segments and their firms (the demo
 * firms of each team), weak links, the cross-chain loop and outside links; and about 45 investment leads in every
 * stage, some signed this year at ≥ 1亿, some stalled, with next steps as 督办 tasks. Dated from today. Added once.
 */
export async function ensureDemoChains(deps: Deps): Promise<boolean> {
  if (await deps.db.selectFrom('chains').select('id').limit(1).executeTakeFirst()) return false;
  const today = countyDay(deps.clock.now());
  const now = deps.clock.now();
  const random = rng(8);
  await deps.db.transaction().execute(async (trx) => {
    const units = new Map((await trx.selectFrom('orgUnits').select(['id', 'code', 'nameZh']).execute()).map((u) => [u.code, u]));
    const leaders = (await chainsRepository.leaderUsers(trx)).map((u) => u.id);
    const firms = await trx.selectFrom('enterprises').select(['id', 'serviceTeamUnitId']).orderBy('id').execute();
    const townships = [...units.values()].filter((u) => (u as { code: string }).code && ['daying', 'zhouzhuang', 'shiqiao', 'chengguan'].includes(u.code));
    const office = units.get('office')?.id as number;
    const ids = new Map<string, { id: number; team: number }>();
    let n = 0;
    for (const [i, c] of CHAINS.entries()) {
      const team = units.get(c.team);
      if (!team) continue;
      const id = await insertChain(trx, deps, {
        code: c.code,
        nameZh: team.nameZh.replace('产业链服务专班', '产业链'),
        nameEn: `${c.en} chain`,
        teamUnitId: team.id,
        groupUnitId: units.get(c.group)?.id ?? null,
        leaderUserId: leaders.length ? leaders[i % leaders.length] : null,
        description: `${team.nameZh.replace('产业链服务专班', '')}产业链实行链长制，专班负责稳链、扩链、强链、畅链，聚焦短板环节精准招商。`,
      });
      ids.set(c.code, { id, team: team.id });
      const members = [
        { unitId: team.id, name: NAMES[i % NAMES.length], position: '主任', role: 'head' },
        ...[0, 1, 2].map((k) => {
          const unit = units.get(MEMBER_UNITS[(i + k) % MEMBER_UNITS.length]);
          return {
            unitId: unit?.id ?? team.id,
            name: NAMES[(i + k + 3) % NAMES.length],
            position: k === 0 ? '联络员' : '成员',
            role: k === 0 ? 'liaison' : 'member',
          };
        }),
      ];
      await chainsRepository.replaceMembers(trx, id, members);
      const own = firms.filter((f) => f.serviceTeamUnitId === team.id).map((f) => f.id);
      const filled = c.segments.filter((s) => !s[4]).length;
      let k = 0;
      for (const [order, [tier, name, keyProducts, weakNote, missing]] of c.segments.entries()) {
        const segmentId = await chainsRepository.insertSegment(trx, {
          chainId: id,
          tier,
          name,
          keyProducts,
          weak: weakNote ? 1 : 0,
          weakNote,
          sortOrder: order + 1,
        });
        if (!missing && own.length) {
          // The team's firms spread over its filled segments.
          const share = own.filter((_f, j) => j % filled === k);
          await chainsRepository.setSegmentFirms(trx, segmentId, share.length ? share : [own[k % own.length]]);
          k += 1;
        }
      }
      // Leads: three to five a chain, across the stages.
      const count = 3 + (i % 3);
      for (let j = 0; j < count; j++, n++) {
        const pool = INVESTORS[c.code];
        const [investor, work, industry] = pool[j % pool.length];
        const stage = LEAD_STAGES[(n * 3 + j) % LEAD_STAGES.length] as LeadStage;
        const big = random() < 0.6;
        const plannedWan = Math.round((big ? 10_000 + random() * 40_000 : 2_000 + random() * 7_000) / 100) * 100;
        const createdDay = daysBefore(today, 40 + Math.floor(random() * 200));
        // Reached stages spaced from creation to recently; every third open lead untouched for over 30 days (stalled).
        const stalled = stageIndex(stage) < 4 && n % 3 === 0;
        const lastDay = stalled ? daysBefore(today, 35 + Math.floor(random() * 30)) : daysBefore(today, Math.floor(random() * 20));
        const dates: string[] = [];
        for (let s = 1; s <= stageIndex(stage); s++) {
          const span = Math.max(
            1,
            Math.round(((lastDay > createdDay ? (Date.parse(lastDay) - Date.parse(createdDay)) / 86_400_000 : 1) * s) / Math.max(1, stageIndex(stage))),
          );
          dates.push(daysBefore(createdDay, -span));
        }
        const at = (d: string) => `${d}T02:00:00.000Z`;
        const dateOf = (s: LeadStage) => (stageIndex(stage) >= stageIndex(s) ? dates[stageIndex(s) - 1] : null);
        const step = STEPS[stage];
        const nextStepDate = step ? daysBefore(today, -(5 + Math.floor(random() * 25))) : null;
        const leadId = await chainsRepository.insertLead(trx, {
          name: j < pool.length ? work : work.replace('项目', '（二期）项目'),
          investor,
          source: SOURCES[n % SOURCES.length],
          industryCode: industry,
          chainId: id,
          teamUnitId: team.id,
          townshipUnitId: townships.length ? townships[n % townships.length].id : null,
          plannedInvestmentFen: plannedWan * 1_000_000,
          contractInvestmentFen: stageIndex(stage) >= 4 ? plannedWan * 1_000_000 : null,
          stage,
          stageOrder: stageIndex(stage),
          signedDate: dateOf('signed'),
          startedDate: dateOf('started'),
          producingDate: dateOf('producing'),
          contact: `${NAMES[(n + 5) % NAMES.length]} 138${String(10_000_000 + n * 7919).slice(0, 8)}`,
          note: '',
          nextStep: stalled ? '' : (step ?? ''),
          nextStepDate: stalled ? null : nextStepDate,
          taskId: null,
          projectId: null,
          createdBy: null,
          createdAt: at(createdDay),
          updatedAt: at(lastDay),
        });
        await chainsRepository.addEvent(trx, {
          leadId,
          at: at(createdDay),
          date: createdDay,
          userId: null,
          kind: 'created',
          fromStage: null,
          toStage: 'lead',
          note: '',
        });
        for (let s = 1; s <= stageIndex(stage); s++)
          await chainsRepository.addEvent(trx, {
            leadId,
            at: at(dates[s - 1]),
            date: dates[s - 1],
            userId: null,
            kind: 'stage',
            fromStage: LEAD_STAGES[s - 1],
            toStage: LEAD_STAGES[s],
            note: '',
          });
        if (!stalled && step && nextStepDate) {
          const taskId = await createTask(trx, deps, systemContext(), {
            type: 'chain_lead_step',
            title: `招商线索「${investor}」：${step}`,
            description: `招商线索的下一步：${step}，请于 ${nextStepDate} 前完成。`,
            source: { module: 'chains', recordId: String(leadId) },
            ownerUnitId: team.id,
            dueDate: nextStepDate,
            createdByUnitId: office,
          });
          await chainsRepository.updateLead(trx, leadId, { taskId });
        }
      }
    }
    for (const [from, kind, to, note] of LINKS) {
      const a = ids.get(from);
      if (!a) continue;
      const b = kind === 'outside' ? null : ids.get(to);
      if (kind !== 'outside' && !b) continue;
      await chainsRepository.insertLink(trx, { fromChainId: a.id, toChainId: b?.id ?? null, kind, outsideName: kind === 'outside' ? to : '', note });
    }
    await recordAudit(trx, deps, systemContext(), {
      action: 'chain.import',
      entityType: 'chain',
      entityId: null,
      after: { demo: true, chains: ids.size, leads: n },
    });
  });
  void now;
  return true;
}
