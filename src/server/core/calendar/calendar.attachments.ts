import type { AttachmentOwner } from '../attachments/owners';

/** A year the county calendar can hold, as the owner id of its notices. */
const isYear = (ownerId: string) => /^\d{4}$/.test(ownerId) && ownerId >= '2000' && ownerId <= '2100';

/** Attachments of a calendar year: everyone signed in reads the calendar, so its notices too; the office files them. */
export const calendarYearOwner: AttachmentOwner = {
  canRead: async (_trx, _ctx, ownerId) => isYear(ownerId),
  canWrite: async (_trx, ctx, ownerId) => isYear(ownerId) && ctx.user.permissions.has('calendar:manage'),
};
