import { INDICATOR_MESSAGES } from '../../../shared/modules/indicators.messages';
import { INDICATOR_PERMISSIONS } from '../../../shared/modules/indicators.schemas';
import { defineModule } from '../../core/modules/module';
import { autoLockJob } from './autolock';
import { ensureDemoCurrentYear, ensureDemoIndicators, indicatorsFile } from './indicators.demo';
import { indicatorRoutes } from './indicators.routes';
import { ledgerRoutes } from './ledger.routes';
import { recordReportedValues } from './ledger.service';
import { migrations } from './migrations';
import { readDemoFile } from '../../core/setup/demo-files';
import { indicatorTaskSources } from './task-sources';

// The public API of the indicators module: other modules import these, never its files.
export { getMonthlyCycle } from './cycle.service';
export { lastLockedMonthSince } from './plans.service';
export { ensureDemoIndicators, indicatorsFile } from './indicators.demo';
export { type ReportedValueOutcome, previewReportedValues } from './ledger.service';
export { type LaggingUnit, followUpLockedMonth, laggingUnitTask, laggingUnits } from './month-close';
export type { MonthLocked } from './month-locked';
export { boardOf } from './warnings.service';
/** For bench/indicators.ts: the board's aggregation query alone, to compare the endpoint with. */
export { warningsRepository } from './warnings.repository';

/** Indicators: catalogue, annual targets decomposed to units, the monthly ledger with locks, live warnings. */
export const indicators = defineModule({
  name: 'indicators',
  migrations,
  routes: [indicatorRoutes, ledgerRoutes],
  permissions: INDICATOR_PERMISSIONS,
  messages: INDICATOR_MESSAGES,
  grants: {
    office: ['indicator:read', 'indicator:manage', 'indicator:enter', 'indicator:lock'],
    leader: ['indicator:read'],
    department: ['indicator:read', 'indicator:enter'],
    township: ['indicator:read', 'indicator:enter'],
  },
  jobs: [{ ...autoLockJob, title: { zh: '指标台账到期锁定（每日 9:00）', en: 'Lock the indicator ledger on its lock day (daily 09:00)' } }],
  taskTypes: ['indicator_warning'],
  taskSources: indicatorTaskSources,
  events: { reportAccepted: { inTransaction: recordReportedValues } },
  demo: async (deps) => {
    const history = indicatorsFile.parse(readDemoFile('baofeng-indicators-2021.json'));
    await ensureDemoIndicators(deps, history);
    await ensureDemoCurrentYear(deps, history);
  },
});
