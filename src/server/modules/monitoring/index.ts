import { MONITORING_MESSAGES } from '../../../shared/modules/monitoring.messages';
import { MONITORING_PERMISSIONS } from '../../../shared/modules/monitoring.schemas';
import { defineModule } from '../../core/modules/module';
import { migrations } from './migrations';
import { ensureMonitoringDemo } from './monitoring.demo';
import { monitoringRoutes } from './monitoring.routes';
import { monitoringTaskSources } from './task-sources';

/**
 * Enterprise operation monitoring (企业运行监测, 不断加强工业经济运行监测): each key firm's monthly output value,
 * electricity and taxes imported from 统计局, 供电公司 and 税务 by credit code; the flags 下滑, 停产 and 半停产 by the
 * rules of `shared/rules/monitoring-flags.ts` (setting `monitoring.thresholds`); a notice and a 督办 task 走访核实
 * to the firm's service team (or township) for each newly flagged firm and month, in the import's transaction.
 */
export const monitoring = defineModule({
  name: 'monitoring',
  migrations,
  routes: [monitoringRoutes],
  permissions: MONITORING_PERMISSIONS,
  grants: {
    office: ['monitoring:read', 'monitoring:import'],
    leader: ['monitoring:read'],
    township: ['monitoring:read'],
    service_officer: ['monitoring:read'],
  },
  taskTypes: ['monitoring_flag'],
  taskSources: monitoringTaskSources,
  messages: MONITORING_MESSAGES,
  demo: async (deps) => {
    await ensureMonitoringDemo(deps);
  },
});

// The public API of the monitoring module.
export { ensureMonitoringDemo } from './monitoring.demo';
/** The import's write step (figures, flags, notices, tasks, audit) in the caller's transaction, and the import itself. */
export { writeFigures } from './monitoring.flags';
export { importFigures, monitoringSpec } from './monitoring.import';
