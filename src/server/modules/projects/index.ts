import { PROJECT_MESSAGES } from '../../../shared/modules/projects.messages';
import { PROJECT_PERMISSIONS } from '../../../shared/modules/projects.schemas';
import { defineModule } from '../../core/modules/module';
import { migrations } from './migrations';
import { projectsBriefSection } from './projects.brief';
import { ensureDemoProjects } from './projects.demo';
import { lockProjectsOnMonthLock } from './projects.month-close';
import { projectAttachmentOwner, projectRoutes } from './projects.routes';
import { projectTaskSources } from './task-sources';

export { projectsOfUnits, registerProject } from './projects.service';
export { projectProgressForBrief } from './projects.brief';

/** Key projects (重点项目): the 三大改造 and 工业强县 libraries, milestones as 督办 tasks, monthly investment, the battle map. */
export const projects = defineModule({
  name: 'projects',
  migrations,
  routes: [projectRoutes],
  permissions: PROJECT_PERMISSIONS,
  grants: {
    office: ['project:read', 'project:write', 'project:manage'],
    leader: ['project:read'],
    department: ['project:read', 'project:write'],
    township: ['project:read', 'project:write'],
    service_officer: ['project:read'],
  },
  taskTypes: ['project_milestone', 'project_red'],
  taskSources: projectTaskSources,
  attachmentOwners: { project: projectAttachmentOwner },
  messages: PROJECT_MESSAGES,
  events: { monthLocked: { inTransaction: lockProjectsOnMonthLock } },
  briefSections: [projectsBriefSection],
  demo: async (deps) => {
    await ensureDemoProjects(deps);
  },
});
