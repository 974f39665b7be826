import { systemContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Deps } from '../../core/deps';
import { DEMO_PASSWORD, createAccount } from '../../core/setup/bootstrap';
import { countyDay } from '../../core/scheduler/scheduler';
import { usersRepository } from '../../core/users/users.repository';
import { addCalendarDays } from '../../../shared/rules/working-days';
import { commitmentsRepository } from './commitments.repository';
import type { Trx } from '../../core/db/database';
import { servicesRepository } from './services.repository';
import { ensureFirmsUnit } from './services.service';

/** The demo firms' accounts (by credit code) and the staff the journeys need beside the county's demo accounts. */
const FIRM_ACCOUNTS = [
  { username: 'wuxing', displayName: '五星石墨 企业联络员', uscc: '914104214773600MMQ' },
  { username: 'tiefulai', displayName: '铁福来 企业联络员', uscc: '914104214220MM8M13' },
  { username: 'guoxi', displayName: '国玺 企业联络员', uscc: '914104214024496021' },
];
const STAFF = [
  { username: 'yangzhuang', displayName: '吴站长', unitCode: 'yangzhuang', roleCodes: ['township'] },
  { username: 'zhouzhuang', displayName: '冯站长', unitCode: 'zhouzhuang', roleCodes: ['township'] },
  { username: 'shiqiao', displayName: '陈站长', unitCode: 'shiqiao', roleCodes: ['township'] },
  { username: 'zrzyj', displayName: '褚科长', unitCode: 'zrzyj', roleCodes: ['department', 'enterprise_reader'] },
];

/** Demo accounts of three firms (`wuxing`, `tiefulai`, `guoxi` / Demo@2021) and of their townships and 自然资源局. */
export async function ensureServicesDemo(deps: Deps) {
  await deps.db.transaction().execute(async (trx) => {
    for (const s of STAFF) {
      if (await usersRepository.findByUsername(trx, s.username)) continue;
      if (!(await trx.selectFrom('orgUnits').select('id').where('code', '=', s.unitCode).executeTakeFirst())) continue;
      await createAccount(deps, trx, { ...s, password: DEMO_PASSWORD, mustChange: false });
    }
    const unitId = await ensureFirmsUnit(trx, deps);
    const unit = await trx.selectFrom('orgUnits').select('code').where('id', '=', unitId).executeTakeFirstOrThrow();
    for (const f of FIRM_ACCOUNTS) {
      if (await usersRepository.findByUsername(trx, f.username)) continue;
      const firm = await servicesRepository.enterpriseByUscc(trx, f.uscc);
      if (!firm) continue;
      const id = await createAccount(deps, trx, {
        username: f.username,
        displayName: f.displayName,
        unitCode: unit.code,
        roleCodes: ['enterprise'],
        password: DEMO_PASSWORD,
        mustChange: false,
      });
      await usersRepository.update(trx, id, { enterpriseId: firm.id });
      await recordAudit(trx, deps, systemContext(), {
        action: 'setup.link_enterprise_account',
        entityType: 'user',
        entityId: id,
        after: { enterpriseId: firm.id },
      });
    }
    await demoCommitments(trx, deps);
  });
}

/** A few items owed to the demo firms, dated from today so that the ages show: once, when the ledger is empty. */
async function demoCommitments(trx: Trx, deps: Deps) {
  if (await trx.selectFrom('serviceCommitments').select('id').limit(1).executeTakeFirst()) return;
  const today = countyDay(deps.clock.now());
  const items = [
    {
      uscc: '914104214773600MMQ',
      kind: 'arrears',
      title: '2020 年技术改造补助资金（县级配套）',
      basis: '宝工信〔2020〕35 号',
      unit: 'gxj',
      fen: 50_000_000,
      days: -100,
    },
    { uscc: '914104214773600MMQ', kind: 'policy', title: '新增规上工业企业奖励', basis: '宝政〔2021〕8 号', unit: 'czj', fen: 10_000_000, days: -20 },
    {
      uscc: '914104214220MM8M13',
      kind: 'arrears',
      title: '县城道路改造工程设备款',
      basis: '采购合同 BF-2020-117',
      unit: 'jtysj',
      fen: 126_000_000,
      days: -200,
    },
    { uscc: '914104214024496021', kind: 'policy', title: '高新技术企业认定奖励', basis: '宝科〔2021〕6 号', unit: 'kjj', fen: 20_000_000, days: 30 },
  ];
  const now = deps.clock.now().toISOString();
  let loaded = 0;
  for (const it of items) {
    const firm = await servicesRepository.enterpriseByUscc(trx, it.uscc);
    const unit = await trx.selectFrom('orgUnits').select('id').where('code', '=', it.unit).executeTakeFirst();
    const home = firm ? await servicesRepository.enterprise(trx, firm.id, { all: true }) : undefined;
    if (!home || !unit) continue;
    await commitmentsRepository.insert(trx, {
      enterpriseId: home.id,
      townshipUnitId: home.townshipUnitId,
      kind: it.kind,
      title: it.title,
      basis: it.basis,
      responsibleUnitId: unit.id,
      amountDueFen: it.fen,
      paidFen: 0,
      dueDate: addCalendarDays(today, it.days),
      settledDate: null,
      taskId: null,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
    });
    loaded++;
  }
  if (loaded)
    await recordAudit(trx, deps, systemContext(), {
      action: 'setup.load_commitments',
      entityType: 'service_commitment',
      entityId: null,
      after: { items: loaded },
    });
}
