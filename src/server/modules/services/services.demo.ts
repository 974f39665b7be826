import { systemContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Deps } from '../../core/deps';
import { DEMO_PASSWORD, createAccount } from '../../core/setup/bootstrap';
import { usersRepository } from '../../core/users/users.repository';
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
  });
}
