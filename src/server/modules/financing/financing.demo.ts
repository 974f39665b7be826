import { previousMonth } from '../../../shared/rules/monthly-cycle';
import { meetingDateOfMonth, nextMeetingDate } from '../../../shared/rules/meeting-schedule';
import { addCalendarDays } from '../../../shared/rules/working-days';
import { systemContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import { arrangementAround, workingDaysFromTo } from '../../core/calendar/calendar.service';
import type { Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { unitsRepository } from '../../core/org/units.repository';
import { countyDay } from '../../core/scheduler/scheduler';
import { DEMO_PASSWORD, createAccount } from '../../core/setup/bootstrap';
import { createTask } from '../../core/tasks/tasks.service';
import { usersRepository } from '../../core/users/users.repository';
import { ensureSchedule, recordScheduledMeeting } from '../meetings';
import { financingRepository as repo } from './financing.repository';
import { MEETING_KIND } from './financing.service';

/**
 * The five Baofeng bank branches of the demo, each a unit of kind bank (code `bank-<x>`; the county file has two of
 * them already) with one `bank` account named `<x>` (Demo@2021).
 */
export const DEMO_BANKS = [
  { code: 'abc', nameZh: '中国农业银行宝丰县支行', nameEn: 'Agricultural Bank of China, Baofeng Branch', contact: '王经理 0375-6512001' },
  { code: 'icbc', nameZh: '中国工商银行宝丰县支行', nameEn: 'ICBC, Baofeng Branch', contact: '李经理 0375-6512002' },
  { code: 'zybank', nameZh: '中原银行宝丰支行', nameEn: 'Zhongyuan Bank, Baofeng Branch', contact: '赵经理 0375-6512003' },
  { code: 'rcb', nameZh: '宝丰农商银行', nameEn: 'Baofeng Rural Commercial Bank', contact: '孙经理 0375-6512004' },
  { code: 'psbc', nameZh: '中国邮政储蓄银行宝丰县支行', nameEn: 'Postal Savings Bank of China, Baofeng Branch', contact: '周经理 0375-6512005' },
] as const;

const PRODUCTS: Record<string, [string, string, number, number, number, number, number, string][]> = {
  abc: [
    ['小微e贷', 'working_capital', 100_000, 10_000_000, 12, 385, 480, '纳税信用 B 级以上，经营满两年'],
    ['科技e贷', 'tech', 500_000, 30_000_000, 36, 365, 450, '高新技术企业或科技型中小企业'],
  ],
  icbc: [
    ['经营快贷', 'working_capital', 100_000, 10_000_000, 12, 395, 500, '正常经营一年以上，无不良信用记录'],
    ['固定资产支持贷款', 'fixed_asset', 5_000_000, 100_000_000, 60, 430, 520, '项目已取得立项、环评、用地手续'],
  ],
  zybank: [['税融通', 'tax', 100_000, 5_000_000, 12, 420, 600, '近两年按时足额纳税，纳税信用 A、B 级']],
  rcb: [
    ['惠企贷', 'working_capital', 50_000, 5_000_000, 12, 450, 650, '本县注册企业，提供抵押或担保'],
    ['应收账款质押贷', 'receivables', 200_000, 20_000_000, 12, 430, 580, '对核心企业有真实应收账款'],
  ],
  psbc: [['小企业流水贷', 'working_capital', 100_000, 3_000_000, 12, 400, 550, '近一年银行流水稳定']],
};

/** Banks, their accounts and products, the 政银企对接会 every two months, and a few needs and outcomes dated from today. */
export async function ensureFinancingDemo(deps: Deps) {
  await deps.db.transaction().execute(async (trx) => {
    const bankIds = await ensureBanks(trx, deps);
    if (await trx.selectFrom('financingNeeds').select('id').limit(1).executeTakeFirst()) return;
    await demoNeeds(trx, deps, bankIds);
  });
}

async function ensureBanks(trx: Trx, deps: Deps): Promise<Record<string, number>> {
  const county = await unitsRepository.findById(trx, await unitsRepository.countyId(trx));
  if (!county) throw new Error('No county');
  const now = deps.clock.now().toISOString();
  const ids: Record<string, number> = {};
  for (const [i, b] of DEMO_BANKS.entries()) {
    const unitCode = `bank-${b.code}`;
    let unit = await unitsRepository.findByCode(trx, unitCode);
    if (!unit) {
      const id = await unitsRepository.insert(
        trx,
        {
          code: unitCode,
          kind: 'bank',
          nameZh: b.nameZh,
          nameEn: b.nameEn,
          divisionCode: null,
          parentId: county.id,
          sortOrder: 900 + i,
          active: 1,
          createdAt: now,
          updatedAt: now,
        },
        county.path,
      );
      await recordAudit(trx, deps, systemContext(), {
        action: 'setup.create_unit',
        entityType: 'org_unit',
        entityId: id,
        after: { code: unitCode, kind: 'bank' },
      });
      unit = await unitsRepository.findByCode(trx, unitCode);
    }
    if (!unit) continue;
    ids[b.code] = unit.id;
    if (!(await usersRepository.findByUsername(trx, b.code)))
      await createAccount(deps, trx, {
        username: b.code,
        displayName: `${b.nameZh} 客户经理`,
        unitCode,
        roleCodes: ['bank'],
        password: DEMO_PASSWORD,
        mustChange: false,
      });
    if (!(await trx.selectFrom('financingProducts').select('id').where('bankUnitId', '=', unit.id).executeTakeFirst()))
      for (const [name, type, minY, maxY, term, rmin, rmax, conditions] of PRODUCTS[b.code] ?? [])
        await repo.insertProduct(trx, {
          bankUnitId: unit.id,
          name,
          type,
          minAmountFen: minY * 100,
          maxAmountFen: maxY * 100,
          termMonths: term,
          rateMinBp: rmin,
          rateMaxBp: rmax,
          conditions,
          contact: b.contact,
          active: 1,
          createdAt: now,
          updatedAt: now,
        });
  }
  return ids;
}

async function demoNeeds(trx: Trx, deps: Deps, banks: Record<string, number>) {
  const today = countyDay(deps.clock.now());
  const cal = await arrangementAround(trx, today);
  const office = await trx.selectFrom('orgUnits').select('id').where('kind', '=', 'office').orderBy('id').executeTakeFirst();
  if (!office || Object.keys(banks).length < 5) return;
  // Two meetings held (four and two months ago), the next one ahead: every two months from four months back.
  const back = (month: string, n: number): string => (n === 0 ? month : back(previousMonth(`${month}-01`), n - 1));
  const m2 = back(today.slice(0, 7), 2);
  const startMonth = back(today.slice(0, 7), 4);
  const towns = await trx.selectFrom('orgUnits').select('id').where('kind', '=', 'township').where('active', '=', 1).execute();
  const scheduleId = await ensureSchedule(
    trx,
    deps,
    {
      kind: MEETING_KIND,
      title: '政银企对接会',
      workingDay: 15,
      leadWorkingDays: 10,
      everyMonths: 2,
      startMonth,
      location: '县政府二楼会议室',
      convener: '县工业强县工作领导小组办公室',
      attendees: '县金融工作局、人民银行宝丰支行、各银行机构负责同志，有融资需求的企业负责人，有关乡镇（街道）',
      agenda: '通报上期对接成果；企业介绍融资需求；银行推介金融产品；现场对接签约',
      unitId: office.id,
      active: 1,
    },
    [...towns.map((t) => t.id), ...Object.values(banks)],
  );
  const firstDate = meetingDateOfMonth(cal, startMonth, 15);
  const secondDate = meetingDateOfMonth(cal, m2, 15);
  const nextDate = nextMeetingDate(cal, today, 15, 2, startMonth);
  const title = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月政银企对接会`;
  const held1 = await recordScheduledMeeting(trx, deps, scheduleId, {
    title: title(firstDate),
    meetingDate: firstDate,
    status: 'held',
    minutes: '五家银行推介产品 8 款，现场对接企业 2 家。',
  });
  const held2 = await recordScheduledMeeting(trx, deps, scheduleId, {
    title: title(secondDate),
    meetingDate: secondDate,
    status: 'held',
    minutes: '上期未解决需求继续对接，新增需求 2 项。',
  });
  const next = await recordScheduledMeeting(trx, deps, scheduleId, { title: title(nextDate), meetingDate: nextDate, status: 'planned' });
  for (const m of new Set([held1, held2, next])) await repo.setMeetingBanks(trx, m, Object.values(banks));

  const firm = async (uscc: string) => trx.selectFrom('enterprises').select(['id', 'name', 'townshipUnitId']).where('uscc', '=', uscc).executeTakeFirst();
  const now = deps.clock.now().toISOString();
  const d1 = firstDate;
  const d2 = secondDate;
  type DemoNeed = {
    uscc: string;
    wan: number;
    term: number;
    purpose: string;
    collateral: string;
    urgency: string;
    received: string;
    meetings: number[];
    matches: { bank: string; outcome: string; wan?: number; rate?: number; date?: string; reason?: string; meeting: number | null }[];
    failReason?: string;
  };
  const needs: DemoNeed[] = [
    {
      uscc: '914104214773600MMQ',
      wan: 500,
      term: 12,
      purpose: '采购石墨原料，补充流动资金',
      collateral: '厂房抵押',
      urgency: 'urgent',
      received: addCalendarDays(d1, -20),
      meetings: [held1],
      matches: [{ bank: 'abc', outcome: 'loan', wan: 500, rate: 435, date: addCalendarDays(d1, 21), meeting: held1 }],
    },
    {
      uscc: '914104214220MM8M13',
      wan: 1200,
      term: 36,
      purpose: '智能化生产线技术改造',
      collateral: '设备抵押、担保公司担保',
      urgency: 'normal',
      received: addCalendarDays(d1, -10),
      meetings: [held1, held2, next],
      matches: [
        { bank: 'icbc', outcome: 'declined', reason: 'collateral', meeting: held1 },
        { bank: 'zybank', outcome: 'credit', wan: 1000, rate: 460, meeting: held2 },
      ],
    },
    {
      uscc: '914104214024496021',
      wan: 300,
      term: 12,
      purpose: '研发投入和新产品试制',
      collateral: '知识产权质押',
      urgency: 'normal',
      received: addCalendarDays(d2, -15),
      meetings: [held2, next],
      matches: [{ bank: 'rcb', outcome: 'intention', meeting: held2 }],
    },
    {
      uscc: '914104211432A7A40W',
      wan: 800,
      term: 24,
      purpose: '扩建仓储物流中心',
      collateral: '无',
      urgency: 'normal',
      received: addCalendarDays(d2, -5),
      meetings: [held2],
      matches: [{ bank: 'psbc', outcome: 'declined', reason: 'financials', meeting: held2 }],
      failReason: '企业资产负债率偏高，暂缓融资，改为引入战略投资',
    },
    {
      uscc: '9141042145138A107U',
      wan: 200,
      term: 12,
      purpose: '支付不锈钢卷板货款',
      collateral: '应收账款质押',
      urgency: 'normal',
      received: addCalendarDays(today, -10),
      meetings: [],
      matches: [],
    },
    {
      uscc: '914104214773600MMQ',
      wan: 150,
      term: 6,
      purpose: '冬季备货周转',
      collateral: '保证担保',
      urgency: 'critical',
      received: addCalendarDays(today, -5),
      meetings: [],
      matches: [],
    },
  ];
  let loaded = 0;
  for (const n of needs) {
    const f = await firm(n.uscc);
    if (!f) continue;
    const loans = n.matches.filter((m) => m.outcome === 'loan');
    const loanDate = loans[0]?.date ?? null;
    const status = n.failReason
      ? 'failed'
      : loans.length
        ? 'loaned'
        : n.matches.some((m) => m.outcome === 'credit')
          ? 'credited'
          : n.matches.length || n.meetings.length
            ? 'matching'
            : 'pending';
    const id = await repo.insertNeed(trx, {
      enterpriseId: f.id,
      townshipUnitId: f.townshipUnitId,
      ownerUnitId: f.townshipUnitId,
      amountFen: n.wan * 1_000_000,
      termMonths: n.term,
      purpose: n.purpose,
      collateral: n.collateral,
      urgency: n.urgency,
      contact: '财务负责人 0375-6500000',
      shareWithAll: 1,
      consentAt: `${n.received}T02:00:00.000Z`,
      consentBy: null,
      status,
      failReason: n.failReason ?? null,
      grantedFen: loans.reduce((s, m) => s + (m.wan ?? 0) * 1_000_000, 0),
      receivedDate: n.received,
      loanDate,
      workingDays: loanDate ? await workingDaysFromTo(trx, n.received, loanDate) : null,
      taskId: null,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
    });
    await repo.setNeedBanks(trx, id, Object.values(banks));
    for (const m of n.meetings) await repo.addMeetingNeeds(trx, m, [id], now);
    for (const m of n.matches)
      await repo.insertMatch(trx, {
        needId: id,
        bankUnitId: banks[m.bank],
        meetingId: m.meeting,
        productId: null,
        outcome: m.outcome,
        amountFen: m.wan ? m.wan * 1_000_000 : null,
        rateBp: m.rate ?? null,
        loanDate: m.date ?? null,
        declineReason: m.reason ?? null,
        note: '',
        workingDays: m.date ? await workingDaysFromTo(trx, n.received, m.date) : null,
        updatedBy: null,
        createdAt: now,
        updatedAt: now,
      });
    if (status !== 'loaned' && status !== 'failed') {
      const taskId = await createTask(trx, deps, systemContext(), {
        type: 'financing_need',
        title: `融资需求督办：${f.name} ${n.wan} 万元`,
        description: n.purpose,
        source: { module: 'financing', recordId: id },
        enterpriseId: f.id,
        ownerUnitId: f.townshipUnitId,
        createdByUnitId: f.townshipUnitId,
        dueDate: addCalendarDays(today, n.urgency === 'critical' ? 14 : 30),
      });
      await repo.updateNeed(trx, id, { taskId });
    }
    loaded++;
  }
  if (loaded)
    await recordAudit(trx, deps, systemContext(), { action: 'setup.load_financing', entityType: 'financing_need', entityId: null, after: { needs: loaded } });
}
