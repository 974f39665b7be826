// What a user may do with a document, sent to the web with each one so that its buttons follow the server's rules.
import { DOC_ACTIONS, type DocumentDto } from '../../../shared/modules/documents.schemas';
import type { UserContext } from '../../core/access/context';
import type { DocumentRow } from './documents.repository';

/** A draft is edited, deleted or issued by those who may; an issued document is downloaded. */
export function actionsOf(ctx: UserContext, row: Pick<DocumentRow, 'status'>): DocumentDto['actions'] {
  const has = (p: 'document:draft' | 'document:issue') => ctx.user.permissions.has(p);
  const all: Record<(typeof DOC_ACTIONS)[number], boolean> = {
    edit: row.status === 'draft' && has('document:draft'),
    delete: row.status === 'draft' && has('document:draft'),
    issue: row.status === 'draft' && has('document:issue'),
    download: row.status === 'issued',
  };
  return DOC_ACTIONS.filter((a) => all[a]);
}
