import { INNOVATION_MESSAGES } from '../../../shared/modules/innovation.messages';
import { INNOVATION_PERMISSIONS } from '../../../shared/modules/innovation.schemas';
import { defineModule } from '../../core/modules/module';
import { ensureInnovationDemo } from './innovation.demo';
import { innovationRoutes } from './innovation.routes';
import { certJob } from './innovation.service';
import { migrations } from './migrations';

/**
 * Innovation pipelines (创新培育): 高新技术企业 (培育库 → 申报 → 认定 → 复审, certificates valid three years), 专精特新
 * tiers, R&D institutions and incubators by level; each stage change kept with who, when and a note and carried into
 * the firm's 一企一档 profile (so funds' policy matching sees it); yearly targets and the two-year 零突破 goals against
 * progress; a daily notice to 科技局 of certificates due for 复审 or expired.
 */
export const innovation = defineModule({
  name: 'innovation',
  migrations,
  routes: [innovationRoutes],
  permissions: INNOVATION_PERMISSIONS,
  grants: {
    office: ['innovation:read', 'innovation:manage', 'innovation:targets'],
    leader: ['innovation:read'],
    department: ['innovation:read', 'innovation:manage'],
    township: ['innovation:read'],
    enterprise: ['innovation:read'],
  },
  jobs: [
    {
      ...certJob,
      title: {
        zh: '提醒科技局高企证书进入复审期或已过期（每日 7:30）',
        en: 'Tell the science and technology bureau of high-tech certificates due for renewal or expired (daily 07:30)',
      },
    },
  ],
  messages: INNOVATION_MESSAGES,
  demo: async (deps) => {
    await ensureInnovationDemo(deps);
  },
});

// The public API of the innovation module.
export { ensureInnovationDemo } from './innovation.demo';
/** The daily certificate notices (tests call it with the clock set). */
export { notifyCertificates } from './innovation.service';
