import { z } from 'zod';
import { SME_TIERS, contactInput } from '../../../shared/modules/enterprises.schemas';
import { systemContext } from '../access/context';
import { recordAudit } from '../audit/audit.service';
import type { Deps } from '../deps';
import { insertEnterprise } from './enterprises.service';

/** The demo county's firms, by unit codes (`scripts/demo/baofeng-enterprises.json`). */
export const enterprisesFile = z.strictObject({
  enterprises: z.array(
    z.strictObject({
      name: z.string(),
      uscc: z.string(),
      township: z.string(),
      address: z.string(),
      industryCode: z.string(),
      chains: z.array(z.string()),
      aboveScale: z.boolean(),
      highTech: z.boolean(),
      highTechCertNo: z.string(),
      highTechValidTo: z.string().nullable(),
      smeTier: z.enum(SME_TIERS),
      rdInstitutions: z.string(),
      employees: z.number().int(),
      serviceTeam: z.string(),
      contacts: z.array(contactInput),
    }),
  ),
});

/** Loads the demo firms once: nothing happens when any firm is on file. */
export async function ensureDemoEnterprises(deps: Deps, data: z.infer<typeof enterprisesFile>): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('enterprises').select('id').limit(1).executeTakeFirst()) return false;
    const units = new Map((await trx.selectFrom('orgUnits').select(['id', 'code']).execute()).map((u) => [u.code, u.id]));
    const unitId = (code: string) => {
      const id = units.get(code);
      if (id === undefined) throw new Error(`Demo enterprises: unknown unit ${code}`);
      return id;
    };
    const now = deps.clock.now().toISOString();
    for (const { township, chains, serviceTeam, ...firm } of data.enterprises) {
      await insertEnterprise(trx, now, {
        ...firm,
        townshipUnitId: unitId(township),
        chainUnitIds: chains.map(unitId),
        serviceTeamUnitId: unitId(serviceTeam),
        chiefOfficerUserId: null,
        contacts: firm.contacts.map((c) => ({ ...c, position: c.position ?? '', phone: c.phone ?? '', idNumber: c.idNumber ?? '' })),
      });
    }
    await recordAudit(trx, deps, systemContext(), {
      action: 'setup.load_enterprises',
      entityType: 'enterprise',
      entityId: null,
      after: { firms: data.enterprises.length },
    });
    return true;
  });
}
