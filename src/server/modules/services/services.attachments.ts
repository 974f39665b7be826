import { scopeFor } from '../../core/access/access';
import type { AttachmentOwner } from '../../core/attachments/owners';
import { commitmentsRepository } from './commitments.repository';
import { handlesRequest } from './lift.service';
import { servicesRepository } from './services.repository';

const isId = (ownerId: string) => /^[1-9]\d{0,9}$/.test(ownerId);
// The day the ledger ages items against; finding one item by id does not depend on it.
const ANY_DAY = '2000-01-01';

/**
 * Files of a request: whoever sees it reads them (the firm, its township, the owner and part units, the office); the
 * firm and the units handling it add them until the firm confirms it closed. Another firm's request is 404.
 */
export const requestAttachmentOwner: AttachmentOwner = {
  canRead: async (trx, ctx, ownerId) =>
    isId(ownerId) &&
    ctx.user.permissions.has('service:read') &&
    !!(await servicesRepository.find(trx, Number(ownerId), await scopeFor(trx, ctx.user, 'service:read'))),
  canWrite: async (trx, ctx, ownerId) => {
    if (!isId(ownerId) || !ctx.user.permissions.has('service:read')) return false;
    const row = await servicesRepository.find(trx, Number(ownerId), await scopeFor(trx, ctx.user, 'service:read'));
    if (!row || row.status === 'confirmed') return false;
    if (ctx.user.permissions.has('service:submit') && ctx.user.enterpriseId === row.enterpriseId) return true;
    return handlesRequest(trx, ctx, row);
  },
};

/** Basis documents of a commitment (policy text, contract): whoever sees the item reads them; the office files them. */
export const commitmentAttachmentOwner: AttachmentOwner = {
  canRead: async (trx, ctx, ownerId) =>
    isId(ownerId) &&
    ctx.user.permissions.has('service:read') &&
    !!(await commitmentsRepository.findListed(trx, Number(ownerId), await scopeFor(trx, ctx.user, 'service:read'), ANY_DAY)),
  canWrite: async (trx, ctx, ownerId) =>
    isId(ownerId) &&
    ctx.user.permissions.has('service:commitments') &&
    !!(await commitmentsRepository.findListed(trx, Number(ownerId), { all: true }, ANY_DAY)),
};
