import { addCalendarDays } from '../../../shared/rules/working-days';
import { awardAmount } from '../../../shared/rules/funds-awards';
import { systemContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { countyDay } from '../../core/scheduler/scheduler';
import { DEMO_SCIENCE_REVIEWER, ensureDemoAccount } from '../../core/setup/bootstrap';
import { createTask } from '../../core/tasks/tasks.service';
import { fundsRepository } from './funds.repository';

type Cat = { name: string; rule: { kind: 'fixed'; amountFen: number } | { kind: 'share'; shareBp: number; capFen: number } };
const INDUSTRY: Cat[] = [
  { name: '技术改造补助', rule: { kind: 'share', shareBp: 1000, capFen: 500_000_000 } },
  { name: '新增规上工业企业奖励', rule: { kind: 'fixed', amountFen: 10_000_000 } },
  { name: '上级奖励配套', rule: { kind: 'fixed', amountFen: 20_000_000 } },
];
const INNOVATION: Cat[] = [
  { name: '研发机构奖励', rule: { kind: 'fixed', amountFen: 50_000_000 } },
  { name: '高新技术企业认定奖励', rule: { kind: 'fixed', amountFen: 20_000_000 } },
  { name: '专精特新奖励', rule: { kind: 'fixed', amountFen: 30_000_000 } },
];
const FIRMS = { wuxing: '914104214773600MMQ', tiefulai: '914104214220MM8M13', guoxi: '914104214024496021' } as const;

/** One demo application: its firm (demo account firms by name, else the n-th other firm), category, state and amounts. */
interface DemoApp {
  firm: keyof typeof FIRMS | number;
  category: number;
  title: string;
  investmentFen?: number;
  status: 'preliminary' | 'office' | 'leader' | 'returned' | 'approved' | 'paid';
  daysAgo: number;
  /** Payments as parts of the approved amount. */
  paid?: number[];
  returnReason?: string;
}

/**
 * The demo funds: this year's 工业发展资金 (20,000,000 元) and 科技创新资金 (10,000,000 元, preliminary review by 县科技局)
 * with applications in every state dated in the past, and the 2021 programmes, paid out. Once, when there are none.
 */
export async function ensureFundsDemo(deps: Deps) {
  await deps.db.transaction().execute(async (trx) => {
    // The science fund's preliminary reviews sit with 县科技局: its demo reviewer (kjj / Demo@2021).
    await ensureDemoAccount(deps, trx, DEMO_SCIENCE_REVIEWER);
    if (await trx.selectFrom('fundProgrammes').select('id').limit(1).executeTakeFirst()) return;
    const today = countyDay(deps.clock.now());
    const year = Number(today.slice(0, 4));
    const kjj = await trx.selectFrom('orgUnits').select('id').where('code', '=', 'kjj').executeTakeFirst();
    const programmes: { fund: string; name: string; year: number; budgetFen: number; reviewUnitId: number | null; cats: Cat[]; apps: DemoApp[] }[] = [
      {
        fund: 'industry',
        name: '工业发展资金',
        year,
        budgetFen: 2_000_000_000,
        reviewUnitId: null,
        cats: INDUSTRY,
        apps: [
          { firm: 'wuxing', category: 0, title: '高纯石墨生产线技术改造', investmentFen: 3_000_000_000, status: 'paid', daysAgo: 60, paid: [0.5, 0.5] },
          { firm: 'tiefulai', category: 1, title: '新增规上工业企业', status: 'approved', daysAgo: 40 },
          { firm: 'guoxi', category: 2, title: '省级绿色工厂奖励配套', status: 'leader', daysAgo: 20 },
          { firm: 0, category: 0, title: '智能化车间改造', investmentFen: 800_000_000, status: 'office', daysAgo: 12 },
          { firm: 1, category: 1, title: '新增规上工业企业', status: 'preliminary', daysAgo: 5 },
          {
            firm: 2,
            category: 0,
            title: '环保设备升级改造',
            investmentFen: 200_000_000,
            status: 'returned',
            daysAgo: 15,
            returnReason: '投资额缺少审计报告，请补充后重新提交',
          },
        ],
      },
      {
        fund: 'innovation',
        name: '科技创新资金',
        year,
        budgetFen: 1_000_000_000,
        reviewUnitId: kjj?.id ?? null,
        cats: INNOVATION,
        apps: [
          { firm: 'guoxi', category: 1, title: '高新技术企业认定', status: 'approved', daysAgo: 50, paid: [0.5] },
          { firm: 'wuxing', category: 0, title: '省级石墨新材料工程技术研究中心', status: 'preliminary', daysAgo: 3 },
        ],
      },
      {
        fund: 'industry',
        name: '工业发展资金',
        year: 2021,
        budgetFen: 2_000_000_000,
        reviewUnitId: null,
        cats: INDUSTRY,
        apps: [
          { firm: 'wuxing', category: 1, title: '新增规上工业企业', status: 'paid', daysAgo: 400, paid: [1] },
          { firm: 'tiefulai', category: 0, title: '矿山装备数字化改造', investmentFen: 1_500_000_000, status: 'paid', daysAgo: 380, paid: [0.6, 0.4] },
        ],
      },
      {
        fund: 'innovation',
        name: '科技创新资金',
        year: 2021,
        budgetFen: 1_000_000_000,
        reviewUnitId: kjj?.id ?? null,
        cats: INNOVATION,
        apps: [{ firm: 'guoxi', category: 2, title: '专精特新“小巨人”奖励', status: 'paid', daysAgo: 390, paid: [1] }],
      },
    ];
    const named = await trx.selectFrom('enterprises').select(['id', 'uscc', 'townshipUnitId']).where('uscc', 'in', Object.values(FIRMS)).execute();
    const others = await trx
      .selectFrom('enterprises')
      .select(['id', 'uscc', 'townshipUnitId'])
      .where('uscc', 'not in', Object.values(FIRMS))
      .orderBy('id')
      .limit(3)
      .execute();
    const office = await fundsRepository.unitByKind(trx, 'office');
    if (!office || named.length === 0) return;
    const now = deps.clock.now().toISOString();
    let loaded = 0;
    const made = new Map<string, { id: number; catIds: number[] }>();
    for (const p of programmes) {
      const closesOn = p.year === year ? `${year}-12-31` : '2021-11-30';
      const opensOn = p.year === year ? `${year}-01-01` : '2021-03-01';
      const programmeId = await fundsRepository.insertProgramme(trx, {
        fund: p.fund,
        name: p.name,
        year: p.year,
        budgetFen: p.budgetFen,
        approvedFen: 0,
        disbursedFen: 0,
        opensOn,
        closesOn,
        materials: '申请表；营业执照复印件；项目投资审计报告（技术改造类）；认定文件或证书复印件',
        basis: p.fund === 'industry' ? '宝政〔2021〕8 号 宝丰县工业发展资金管理办法' : '宝政〔2021〕9 号 宝丰县科技创新资金管理办法',
        reviewUnitId: p.reviewUnitId,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      });
      const catIds: number[] = [];
      for (const [i, c] of p.cats.entries())
        catIds.push(
          await fundsRepository.insertCategory(trx, {
            programmeId,
            name: c.name,
            ruleKind: c.rule.kind,
            amountFen: c.rule.kind === 'fixed' ? c.rule.amountFen : null,
            shareBp: c.rule.kind === 'share' ? c.rule.shareBp : null,
            capFen: c.rule.kind === 'share' ? c.rule.capFen : null,
            sortOrder: (i + 1) * 10,
          }),
        );
      made.set(`${p.fund}-${p.year}`, { id: programmeId, catIds });
      let approvedTotal = 0;
      let paidTotal = 0;
      for (const a of p.apps) {
        const firm = typeof a.firm === 'number' ? others[a.firm] : named.find((f) => f.uscc === FIRMS[a.firm as keyof typeof FIRMS]);
        if (!firm) continue;
        const cat = p.cats[a.category] as Cat;
        const requestedFen = awardAmount(cat.rule, a.investmentFen ?? null);
        const submitted = p.year === year ? addCalendarDays(today, -a.daysAgo) : addCalendarDays('2021-11-20', -(a.daysAgo - 370));
        const approved = a.status === 'approved' || a.status === 'paid';
        const paid = (a.paid ?? []).map((share) => Math.round(requestedFen * share));
        const disbursedFen = paid.reduce((s, x) => s + x, 0);
        const reviewUnitId = p.reviewUnitId ?? firm.townshipUnitId;
        const id = await fundsRepository.insertApplication(trx, {
          programmeId,
          categoryId: catIds[a.category] as number,
          enterpriseId: firm.id,
          townshipUnitId: firm.townshipUnitId,
          reviewUnitId,
          title: a.title,
          description: '',
          investmentFen: a.investmentFen ?? null,
          requestedFen,
          recommendedFen: a.status === 'leader' || approved ? requestedFen : null,
          approvedFen: approved ? requestedFen : null,
          disbursedFen,
          status: a.status,
          taskId: null,
          submittedDate: submitted,
          approvedDate: approved ? addCalendarDays(submitted, 10) : null,
          createdBy: null,
          createdAt: now,
          updatedAt: now,
        });
        await event(trx, id, `${submitted}T02:00:00.000Z`, 'submitted', `${a.title}（申请 ${(requestedFen / 100).toFixed(2)} 元）`);
        if (a.status === 'returned') await event(trx, id, `${addCalendarDays(submitted, 3)}T02:00:00.000Z`, 'preliminary_return', a.returnReason ?? '');
        if (approved) await event(trx, id, `${addCalendarDays(submitted, 10)}T02:00:00.000Z`, 'approved', `核定 ${(requestedFen / 100).toFixed(2)} 元`);
        for (const [i, amount] of paid.entries()) {
          const paidDate = addCalendarDays(submitted, 20 + i * 10);
          await fundsRepository.insertDisbursement(trx, {
            applicationId: id,
            paidDate,
            amountFen: amount,
            note: `第 ${i + 1} 笔`,
            createdBy: null,
            createdAt: now,
          });
          await event(trx, id, `${paidDate}T02:00:00.000Z`, 'disbursed', `拨付 ${(amount / 100).toFixed(2)} 元`);
        }
        if (a.status === 'preliminary' || a.status === 'office' || a.status === 'leader') {
          const unit = a.status === 'preliminary' ? reviewUnitId : (await fundsRepository.unitByKind(trx, a.status === 'office' ? 'office' : 'county'))?.id;
          if (unit) {
            const taskId = await createTask(trx, deps, systemContext(), {
              type: 'fund_review',
              title: `资金申请${a.status === 'preliminary' ? '初审' : a.status === 'office' ? '办公室审核' : '领导审批'}：${a.title}`,
              source: { module: 'funds', recordId: `${id}/${a.status}/demo` },
              enterpriseId: firm.id,
              ownerUnitId: unit,
              createdByUnitId: office.id,
              dueInWorkingDays: 5,
            });
            await fundsRepository.updateApplication(trx, id, { taskId });
          }
        }
        if (approved) approvedTotal += requestedFen;
        paidTotal += disbursedFen;
        loaded++;
      }
      await fundsRepository.updateProgramme(trx, programmeId, { approvedFen: approvedTotal, disbursedFen: paidTotal });
    }
    // Two policies on this year's funds: one the graphite firms are told of and apply for (technical transformation of
    // the industrial fund), one granted without application (免申即享) whose award list waits for the office.
    const industry = made.get(`industry-${year}`);
    const innovation = made.get(`innovation-${year}`);
    if (industry && innovation) {
      const policies = [
        {
          name: '石墨新材料企业技术改造补助',
          summary: '石墨及碳材料行业（C30）省级以上专精特新企业的技术改造，按核定投资额的 10% 补助',
          programmeId: industry.id,
          categoryId: industry.catIds[0] as number,
          eligibility: {
            all: [
              { field: 'industryCode', op: 'prefix', value: 'C30' },
              { field: 'smeTier', op: 'gte', value: 'provincial' },
            ],
          },
          autoGrant: 0,
        },
        {
          name: '规上高新技术企业认定奖励（免申即享）',
          summary: '规上且为高新技术企业的，无需申报，办公室确认名单后直接核定',
          programmeId: innovation.id,
          categoryId: innovation.catIds[1] as number,
          eligibility: {
            all: [
              { field: 'aboveScale', op: 'eq', value: true },
              { field: 'highTech', op: 'eq', value: true },
            ],
          },
          autoGrant: 1,
        },
      ];
      for (const policy of policies)
        await fundsRepository.insertPolicy(trx, {
          ...policy,
          eligibility: JSON.stringify(policy.eligibility),
          active: 1,
          createdBy: null,
          createdAt: now,
          updatedAt: now,
        });
    }
    await recordAudit(trx, deps, systemContext(), {
      action: 'setup.load_funds',
      entityType: 'fund_programme',
      entityId: null,
      after: { programmes: programmes.length, applications: loaded },
    });
  });
}

function event(trx: Trx, applicationId: number, at: string, kind: string, text: string) {
  return fundsRepository.addEvent(trx, { applicationId, at, kind, userId: null, unitId: null, text });
}
