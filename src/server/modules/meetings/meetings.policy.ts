// Who may do what with a meeting beyond its route permissions. Meetings send no per-record flags (the web shows
// their buttons by permission); their one record rule is over the files: whoever sees the meeting reads them, and
// whoever may write to it adds them.
import { scopeFor } from '../../core/access/access';
import type { AttachmentOwner } from '../../core/attachments/owners';
import { meetingsRepository } from './meetings.repository';

/** A meeting's files (minutes as signed, slides, sign-in sheets): those who see the meeting read them, the office adds them. */
export const meetingAttachmentOwner: AttachmentOwner = {
  async canRead(trx, ctx, ownerId) {
    if (!ctx.user.permissions.has('meeting:read') || !/^\d+$/.test(ownerId)) return false;
    return !!(await meetingsRepository.find(trx, await scopeFor(trx, ctx.user, 'meeting:read'), Number(ownerId)));
  },
  async canWrite(trx, ctx, ownerId) {
    if (!ctx.user.permissions.has('meeting:write') || !/^\d+$/.test(ownerId)) return false;
    return !!(await meetingsRepository.find(trx, await scopeFor(trx, ctx.user, 'meeting:write'), Number(ownerId)));
  },
};
