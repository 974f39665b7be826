import type { UserContext } from '../access/context';
import type { Executor } from '../db/database';
import { fieldError } from '../http/errors';

/**
 * How a module tells the attachment core who may see and change the files of its records. Both functions run in
 * the request's transaction and must apply the module's own permission and data-scope rules: an owner the caller
 * cannot read makes its attachments answer 404, exactly like the record itself.
 */
export interface AttachmentOwner {
  canRead(trx: Executor, ctx: UserContext, ownerId: string): Promise<boolean>;
  canWrite(trx: Executor, ctx: UserContext, ownerId: string): Promise<boolean>;
}

const owners = new Map<string, AttachmentOwner>();

/**
 * Registers an owner type (`task`, `enterprise`, `calendar_year`…). Call it from the module's routes function,
 * before the app is ready; registering the same definition again is harmless, a different one under a taken name
 * is a programming error.
 */
export function registerAttachmentOwner(ownerType: string, owner: AttachmentOwner): void {
  const existing = owners.get(ownerType);
  if (existing && existing !== owner) throw new Error(`attachment owner type "${ownerType}" is already registered`);
  owners.set(ownerType, owner);
}

/** The registered owner type, or a 400 naming the field. */
export function attachmentOwner(ownerType: string): AttachmentOwner {
  const owner = owners.get(ownerType);
  if (!owner) throw fieldError({ ownerType: 'err.attachment_owner_type' });
  return owner;
}
