import { CHAIN_MESSAGES } from '../../../shared/modules/chains.messages';
import { CHAIN_PERMISSIONS } from '../../../shared/modules/chains.schemas';
import { defineModule } from '../../core/modules/module';
import { ensureDemoChains } from './chains.demo';
import { chainRoutes } from './chains.routes';
import { migrations } from './migrations';
import { chainTaskSources } from './task-sources';

/** Chains (产业链, 链长制) with their teams, segments, weak links and links, and the investment-attraction pipeline (招商引资). */
export const chains = defineModule({
  name: 'chains',
  migrations,
  routes: [chainRoutes],
  permissions: CHAIN_PERMISSIONS,
  grants: {
    office: ['chain:read', 'chain:directory', 'chain:manage', 'lead:read', 'lead:write'],
    leader: ['chain:read', 'chain:directory', 'lead:read'],
    department: ['chain:read', 'chain:directory'],
    township: ['chain:read', 'chain:directory'],
    service_officer: ['chain:read', 'lead:read', 'lead:write'],
  },
  taskTypes: ['chain_lead_step'],
  taskSources: chainTaskSources,
  messages: CHAIN_MESSAGES,
  demo: async (deps) => {
    await ensureDemoChains(deps);
  },
});
