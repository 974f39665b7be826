import { systemContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Deps } from '../../core/deps';
import { schedulesRepository } from './meetings.repository';

/**
 * The demo county's 月例会: the 10th working day of every month, created five working days ahead, with the
 * townships and the statistics bureau attending. Added once, when the county has no schedule yet.
 */
export async function ensureDemoMeetingSchedule(deps: Deps) {
  if ((await schedulesRepository.all(deps.db, { all: true })).length) return;
  await deps.db.transaction().execute(async (trx) => {
    const office = await trx.selectFrom('orgUnits').select('id').where('kind', '=', 'office').orderBy('id').executeTakeFirstOrThrow();
    const attending = await trx
      .selectFrom('orgUnits')
      .select('id')
      .where((eb) => eb.or([eb('kind', '=', 'township'), eb('code', '=', 'tjj')]))
      .where('active', '=', 1)
      .execute();
    const now = deps.clock.now().toISOString();
    const id = await schedulesRepository.insert(trx, {
      kind: 'monthly',
      title: '工业强县月例会',
      workingDay: 10,
      leadWorkingDays: 5,
      location: '县政府三楼会议室',
      convener: '县工业强县工作领导小组办公室',
      attendees: '各乡镇（街道）分管负责同志，县统计局、工信局有关负责同志',
      agenda: '通报上月主要指标完成情况和预警情况；红灯单位汇报整改措施；研究部署下月重点工作',
      unitId: office.id,
      active: 1,
      createdAt: now,
      updatedAt: now,
    });
    await schedulesRepository.replaceUnits(
      trx,
      id,
      attending.map((u) => u.id),
    );
    await recordAudit(trx, deps, systemContext(), { action: 'meeting_schedule.create', entityType: 'meeting_schedule', entityId: id, after: { demo: true } });
  });
}
