import type { FeatureDefinition } from '../app/feature';
import { auditFeature } from './audit';
import { calendarFeature } from './calendar';
import { chainsFeature } from './chains';
import { documentsFeature } from './documents';
import { enterprisesFeature } from './enterprises';
import { financingFeature } from './financing';
import { fundsFeature } from './funds';
import { homeFeature } from './home';
import { indicatorsFeature } from './indicators';
import { innovationFeature } from './innovation';
import { jobsFeature } from './jobs';
import { ledgerFeature } from './ledger';
import { loginLogFeature } from './login-log';
import { meetingsFeature } from './meetings';
import { monitoringFeature } from './monitoring';
import { notificationsFeature } from './notifications';
import { projectsFeature } from './projects';
import { reportsFeature } from './reports';
import { rolesFeature } from './roles';
import { servicesFeature } from './services';
import { settingsFeature } from './settings';
import { tasksFeature } from './tasks';
import { unitsFeature } from './units';
import { usersFeature } from './users';
import { visitsFeature } from './visits';
import { webhooksFeature } from './webhooks';

/**
 * Every web feature, in menu order (a group sits where its first entry comes). Adding a feature is one line here
 * (and one in the server's `src/server/modules/index.ts`); its pages, menu entries and strings live in its folder.
 */
export const FEATURES = [
  homeFeature,
  enterprisesFeature,
  ledgerFeature,
  indicatorsFeature,
  reportsFeature,
  projectsFeature,
  chainsFeature,
  servicesFeature,
  fundsFeature,
  financingFeature,
  innovationFeature,
  monitoringFeature,
  visitsFeature,
  tasksFeature,
  documentsFeature,
  meetingsFeature,
  notificationsFeature,
  unitsFeature,
  usersFeature,
  rolesFeature,
  settingsFeature,
  webhooksFeature,
  jobsFeature,
  loginLogFeature,
  auditFeature,
  calendarFeature,
] as const satisfies readonly FeatureDefinition<unknown>[];
