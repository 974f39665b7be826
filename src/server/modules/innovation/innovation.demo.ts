import { type Pipeline, addDays, certValidTo, needsCertificate, yearOf } from '../../../shared/rules/innovation-pipelines';
import { systemContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Deps } from '../../core/deps';
import { countyDay } from '../../core/scheduler/scheduler';
import { DEMO_SCIENCE_REVIEWER, ensureDemoAccount } from '../../core/setup/bootstrap';
import { RESPONSIBLE_UNIT_CODE } from './innovation.service';

/** A demo entry: a firm's (by credit code) or a standalone one; its stages as [stage, days ago] oldest first. */
interface DemoEntry {
  pipeline: Pipeline;
  firm?: string;
  name?: string;
  operator?: string;
  township?: string;
  kind?: 'incubator' | 'maker_space';
  stages: [string, number][];
  /** For 认定/复审: the certificate number and the days ago it was issued. */
  cert?: [string, number];
}

const F = {
  wuxing: '914104214773600MMQ',
  tiefulai: '914104214220MM8M13',
  guoxi: '914104214024496021',
  xiangrui: '914104211150M1026F',
  yongsheng: '91410421725M76M874',
  yakang: '91410421500406474D',
  changlong: '91410421649M37595X',
  derun: '9141042186M587A292',
  yutong: '91410421810858222A',
  jiahe: '91410421133AMA476X',
};

// Dated back from today: one certificate in its 复审 window (issued two years and two months ago), one expired
// (issued three years and ten days ago), two firms at 申报 waiting to be 认定.
const ENTRIES: DemoEntry[] = [
  {
    pipeline: 'high_tech',
    firm: F.wuxing,
    stages: [
      ['pool', 1000],
      ['applied', 860],
      ['certified', 790],
    ],
    cert: ['GR202341000123', 790],
  },
  {
    pipeline: 'high_tech',
    firm: F.derun,
    stages: [
      ['applied', 1200],
      ['certified', 1105],
    ],
    cert: ['GR202341000456', 1105],
  },
  {
    pipeline: 'high_tech',
    firm: F.tiefulai,
    stages: [
      ['certified', 1460],
      ['renewed', 370],
    ],
    cert: ['GR202541000789', 370],
  },
  {
    pipeline: 'high_tech',
    firm: F.xiangrui,
    stages: [
      ['pool', 200],
      ['applied', 60],
    ],
  },
  {
    pipeline: 'high_tech',
    firm: F.changlong,
    stages: [
      ['pool', 150],
      ['applied', 45],
    ],
  },
  { pipeline: 'high_tech', firm: F.yongsheng, stages: [['pool', 90]] },
  { pipeline: 'high_tech', firm: F.yakang, stages: [['pool', 30]] },
  {
    pipeline: 'sme',
    firm: F.tiefulai,
    stages: [
      ['provincial', 900],
      ['little_giant', 500],
    ],
  },
  {
    pipeline: 'sme',
    firm: F.guoxi,
    stages: [
      ['innovative', 500],
      ['provincial', 100],
    ],
  },
  { pipeline: 'sme', firm: F.xiangrui, stages: [['innovative', 220]] },
  { pipeline: 'sme', firm: F.yutong, stages: [['candidate', 80]] },
  {
    pipeline: 'rd',
    firm: F.wuxing,
    name: '河南省石墨烯材料工程技术研究中心',
    stages: [
      ['city', 700],
      ['provincial', 260],
    ],
  },
  { pipeline: 'rd', firm: F.guoxi, name: '河南省超纯石墨工程技术研究中心', stages: [['provincial', 600]] },
  {
    pipeline: 'rd',
    firm: F.tiefulai,
    name: '国家企业技术中心',
    stages: [
      ['provincial', 800],
      ['national', 200],
    ],
  },
  {
    pipeline: 'incubator',
    name: '宝丰县科技企业孵化器',
    operator: '宝丰县产业集聚区投资开发有限公司',
    township: 'chengguan',
    kind: 'incubator',
    stages: [
      ['city', 600],
      ['provincial', 150],
    ],
  },
  {
    pipeline: 'incubator',
    firm: F.wuxing,
    name: '五星石墨众创空间',
    kind: 'maker_space',
    stages: [
      ['county', 300],
      ['city', 90],
    ],
  },
  { pipeline: 'incubator', firm: F.jiahe, name: '佳和视光众创空间', kind: 'maker_space', stages: [['county', 120]] },
];

/**
 * The demo of the innovation module, dated from today: seventeen entries across the four pipelines with their stage
 * histories, this year's targets and the 零突破 goals over last year and this. The firms' profiles are left as the
 * 一企一档 demo has them. Once, when no entry exists.
 */
export async function ensureInnovationDemo(deps: Deps) {
  await deps.db.transaction().execute(async (trx) => {
    await ensureDemoAccount(deps, trx, DEMO_SCIENCE_REVIEWER);
    if (await trx.selectFrom('innovationEntries').select('id').limit(1).executeTakeFirst()) return;
    const today = countyDay(deps.clock.now());
    const year = yearOf(today);
    const now = deps.clock.now().toISOString();
    const firms = new Map(
      (await trx.selectFrom('enterprises').select(['id', 'uscc', 'townshipUnitId']).where('uscc', 'in', Object.values(F)).execute()).map((f) => [f.uscc, f]),
    );
    const units = new Map((await trx.selectFrom('orgUnits').select(['id', 'code']).execute()).map((u) => [u.code, u.id]));
    const office = (await trx.selectFrom('orgUnits').select('id').where('kind', '=', 'office').executeTakeFirst())?.id;
    let made = 0;
    for (const e of ENTRIES) {
      const firm = e.firm ? firms.get(e.firm) : undefined;
      const township = firm ? firm.townshipUnitId : e.township ? units.get(e.township) : undefined;
      const responsible = units.get(RESPONSIBLE_UNIT_CODE[e.pipeline]) ?? office;
      if ((e.firm && !firm) || !township || !responsible) continue;
      const [stage, daysAgo] = e.stages[e.stages.length - 1];
      const certDate = e.cert && needsCertificate(e.pipeline, stage) ? addDays(today, -e.cert[1]) : null;
      const { id } = await trx
        .insertInto('innovationEntries')
        .values({
          pipeline: e.pipeline,
          enterpriseId: firm?.id ?? null,
          name: e.name ?? '',
          operator: e.operator ?? '',
          kind: e.kind ?? null,
          townshipUnitId: township,
          responsibleUnitId: responsible,
          stage,
          stageDate: addDays(today, -daysAgo),
          certNo: certDate && e.cert ? e.cert[0] : '',
          certDate,
          validTo: certDate ? certValidTo(certDate) : null,
          note: '',
          createdBy: null,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      let from: string | null = null;
      for (const [to, ago] of e.stages) {
        await trx
          .insertInto('innovationStageChanges')
          .values({ entryId: id, fromStage: from, toStage: to, changedOn: addDays(today, -ago), certNo: '', note: '', userId: null, createdAt: now })
          .execute();
        from = to;
      }
      made++;
    }
    await trx
      .insertInto('innovationTargets')
      .values([
        { year, pipeline: 'high_tech', stage: 'certified', target: 8 },
        { year, pipeline: 'sme', stage: 'provincial', target: 3 },
        { year, pipeline: 'sme', stage: 'innovative', target: 5 },
        { year, pipeline: 'rd', stage: 'provincial', target: 2 },
        { year, pipeline: 'rd', stage: 'national', target: 1 },
        { year, pipeline: 'incubator', stage: 'national', target: 1 },
      ])
      .execute();
    await trx
      .insertInto('innovationBreakthroughs')
      .values([
        { pipeline: 'rd', stage: 'national', startYear: year - 1, years: 2 },
        { pipeline: 'incubator', stage: 'national', startYear: year - 1, years: 2 },
      ])
      .execute();
    await recordAudit(trx, deps, systemContext(), {
      action: 'setup.load_innovation',
      entityType: 'innovation_entry',
      entityId: null,
      after: { entries: made, year },
    });
  });
}
