import { DOCUMENT_PERMISSIONS } from '../../../shared/modules/documents.schemas';
import { defineModule } from '../../core/modules/module';
import { ensureDemoDocuments } from './documents.demo';
import { documentRoutes } from './documents.routes';
import { draftNoticeOnLock } from './documents.service';
import { migrations } from './migrations';

/** Official documents of the monthly cycle: briefs, reminder letters, notices, their numbering and register. */
export const documents = defineModule({
  name: 'documents',
  migrations,
  routes: [documentRoutes],
  permissions: DOCUMENT_PERMISSIONS,
  grants: {
    office: ['document:read', 'document:draft', 'document:issue', 'document:template'],
    leader: ['document:read'],
    department: ['document:read'],
    township: ['document:read'],
  },
  events: { monthLocked: { inTransaction: draftNoticeOnLock } },
  demo: ensureDemoDocuments,
  demoLast: true,
});
