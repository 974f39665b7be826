import type { z } from 'zod';
import type {
  DocType,
  DocumentBlockData,
  DocumentDto,
  DocumentListItem,
  DocumentListQuery,
  NoticeSubject,
  draftLettersBody,
  updateDraftBody,
  updateTemplateBody,
} from '../../../shared/modules/documents.schemas';
import type { Warnings } from '../../../shared/modules/indicators.schemas';
import { requirePermission, scopeFor, NO_SCOPE } from '../../core/access/access';
import type { RequestContext, UserContext } from '../../core/access/context';
import { recordAudit } from '../../core/audit/audit.service';
import type { Executor, Trx } from '../../core/db/database';
import type { Deps } from '../../core/deps';
import { actionsOf } from './documents.policy';
import { type DocumentRow, type DocumentViewer, documentsRepository } from './documents.repository';
import { readDocumentFile, storeDocumentFile } from '../../core/documents/files';
import { nextDocumentSeq } from '../../core/documents/numbering';
import { docxToPdf, libreOffice } from '../../core/documents/pdf';
import { formatDocumentNumber, officialDocument } from '../../core/documents/official-document';
import { chartImage } from '../../core/documents/chart-image';
import { AppError, fieldError, notFound } from '../../core/http/errors';
import { briefSections } from '../../core/modules/registry';
import { notify } from '../../core/notifications/notifications.service';
import { countyDay } from '../../core/scheduler/scheduler';
import type { EventHandler } from '../../core/events/events';
import { boardOf, getMonthlyCycle, laggingUnitTask, laggingUnits } from '../indicators';
import {
  type BriefSectionBlocks,
  type OverdueTask,
  briefTitle,
  composeBrief,
  addresseeOf,
  composeLetter,
  composeNotice,
  persistentRedUnits,
  composePraise,
  letterTitle,
  noticeTitle,
  praiseTitle,
} from './compose';

async function viewerOf(db: Executor, ctx: UserContext): Promise<DocumentViewer> {
  return {
    read: await scopeFor(db, ctx.user, 'document:read'),
    drafts: ctx.user.permissions.has('document:draft') ? await scopeFor(db, ctx.user, 'document:draft') : null,
  };
}

function listItem(ctx: UserContext, row: DocumentRow): DocumentListItem {
  return {
    id: row.id,
    docType: row.docType as DocType,
    subject: row.subject as NoticeSubject | null,
    status: row.status,
    title: row.title,
    month: row.month,
    unit: row.unitId ? { id: row.unitId, nameZh: row.unitNameZh ?? '', nameEn: row.unitNameEn ?? '' } : null,
    addressee: row.addressee,
    number: row.number,
    year: row.year,
    seq: row.seq,
    issueDate: row.issueDate,
    taskId: row.taskId,
    createdAt: row.createdAt,
    issuedAt: row.issuedAt,
    pdf: row.status === 'issued' && (!!row.pdfSha256 || libreOffice() !== null),
    actions: actionsOf(ctx, row),
  };
}

const dto = (ctx: UserContext, row: DocumentRow): DocumentDto => ({ ...listItem(ctx, row), blocks: JSON.parse(row.body) as DocumentBlockData[] });

/** The document register: issued documents the user may read, and drafts for those who draft. */
export async function listDocuments(deps: Deps, ctx: UserContext, query: DocumentListQuery) {
  requirePermission(ctx, 'document:read');
  const { rows, total } = await documentsRepository.list(deps.db, await viewerOf(deps.db, ctx), query);
  return { items: rows.map((r) => listItem(ctx, r)), total, page: query.page, pageSize: query.pageSize };
}

/** Every document the register shows with these filters, for the .xlsx export. */
export async function allDocuments(deps: Deps, ctx: UserContext, query: Omit<DocumentListQuery, 'page' | 'pageSize'>) {
  requirePermission(ctx, 'document:read');
  return (await documentsRepository.all(deps.db, await viewerOf(deps.db, ctx), query)).map((r) => listItem(ctx, r));
}

export async function getDocument(deps: Deps, ctx: UserContext, id: number): Promise<DocumentDto> {
  requirePermission(ctx, 'document:read');
  const row = await documentsRepository.find(deps.db, await viewerOf(deps.db, ctx), id);
  if (!row) throw notFound();
  return dto(ctx, row);
}

/** The board of a locked month; a month not yet locked cannot be written about (its figures may still change). */
async function lockedBoard(db: Executor, month: string) {
  const board = await boardOf(db, { all: true }, { month });
  if (!board.locked) throw fieldError({ month: 'err.document_month_unlocked' });
  return board;
}

/** A document drafted from a month's board: the work brief, or a notice with its subject. */
export type MonthlyKind = { docType: 'brief'; subject: null } | { docType: 'notice'; subject: NoticeSubject };

type Compose = (board: Warnings, overdue: OverdueTask[], sections: BriefSectionBlocks[], responseWorkingDays: number) => DocumentBlockData[];
const MONTHLY: Record<'brief' | NoticeSubject, { title: (month: string) => string; compose: Compose }> = {
  brief: { title: briefTitle, compose: composeBrief },
  criticism: { title: noticeTitle, compose: (board, overdue, _sections, days) => composeNotice(board, overdue, days) },
  praise: { title: praiseTitle, compose: (board) => composePraise(board) },
};

/** The sections the installed modules add to the brief (manifest `briefSections`), composed for the month. */
async function briefSectionBlocks(trx: Trx, deps: Deps, month: string): Promise<BriefSectionBlocks[]> {
  const out: BriefSectionBlocks[] = [];
  for (const section of briefSections()) out.push({ title: section.title, blocks: await section.compose(trx, deps, month) });
  return out;
}

const sameKind = (kind: MonthlyKind) => (row: DocumentRow) => row.subject === kind.subject;

/** Inserts the draft of a month's brief or notice, composed from its locked board, with its audit row. */
async function insertMonthly(trx: Trx, deps: Deps, ctx: RequestContext, kind: MonthlyKind, board: Warnings): Promise<number> {
  const overdue = await documentsRepository.overdueTasks(trx, countyDay(deps.clock.now()));
  const template = await documentsRepository.template(trx, kind.docType);
  const { title, compose } = MONTHLY[kind.subject ?? kind.docType];
  const sections = kind.docType === 'brief' ? await briefSectionBlocks(trx, deps, board.month) : [];
  const { responseWorkingDays } = await getMonthlyCycle(trx);
  const now = deps.clock.now().toISOString();
  const row = {
    ...kind,
    status: 'draft' as const,
    title: title(board.month),
    month: board.month,
    unitId: null,
    addressee: template?.addressee ?? '',
    body: JSON.stringify(compose(board, overdue, sections, responseWorkingDays)),
    createdBy: ctx.user?.id ?? null,
    createdAt: now,
    updatedAt: now,
  };
  const id = await documentsRepository.insert(trx, row);
  await recordAudit(trx, deps, ctx, {
    action: 'document.draft',
    entityType: 'document',
    entityId: id,
    after: { ...kind, month: board.month, title: row.title },
  });
  return id;
}

/** Drafts the month's work brief, or a notice (通报), from the locked month's data; an existing draft of the kind is returned as it is. */
export async function draftMonthly(deps: Deps, ctx: UserContext, kind: MonthlyKind, month: string): Promise<DocumentDto> {
  requirePermission(ctx, 'document:draft');
  const id = await deps.db.transaction().execute(async (trx) => {
    const board = await lockedBoard(trx, month);
    const existing = (await documentsRepository.findOfMonth(trx, kind.docType, month)).find((d) => d.status === 'draft' && sameKind(kind)(d));
    return existing ? existing.id : insertMonthly(trx, deps, ctx, kind, board);
  });
  return getDocument(deps, ctx, id);
}

const CRITICISM: MonthlyKind = { docType: 'notice', subject: 'criticism' };

/**
 * The month close's notice (subscribed to the `monthLocked` event): a month with a unit red two months running gets its
 * criticism notice drafted in the lock's transaction, and the office is told it awaits review. The lock has checked
 * its own permission; a month that has a criticism notice, drafted or issued, gets no second one however often it is
 * locked.
 */
export const draftNoticeOnLock: EventHandler<'monthLocked'> = async (trx, deps, ctx, { month, board, officeUnitId }) => {
  if (!board.indicators.some((r) => r.units.some((c) => c.level === 'red' && c.persistentRed))) return;
  if ((await documentsRepository.findOfMonth(trx, 'notice', month)).some(sameKind(CRITICISM))) return;
  const id = await insertMonthly(trx, deps, ctx, CRITICISM, board);
  await notify(trx, deps, {
    unitIds: [officeUnitId],
    unitPermission: 'document:draft',
    kind: 'document.notice_draft',
    title: { zh: `${month} 通报草稿待审核：${noticeTitle(month)}`, en: `${month} notice draft awaits review: ${noticeTitle(month)}` },
    link: `/documents/${id}`,
    entityType: 'document',
    entityId: String(id),
  });
};

/** Drafts a reminder letter for each red or missing unit of a locked month (or those named) that has none yet. */
export async function draftLetters(deps: Deps, ctx: UserContext, body: z.infer<typeof draftLettersBody>) {
  requirePermission(ctx, 'document:draft');
  const ids = await deps.db.transaction().execute(async (trx) => {
    const board = await lockedBoard(trx, body.month);
    const lagging = laggingUnits(board).filter((l) => !body.unitIds || body.unitIds.includes(l.unit.id));
    if (body.unitIds?.some((id) => !lagging.some((l) => l.unit.id === id))) throw fieldError({ unitIds: 'err.document_no_lagging' });
    const { responseWorkingDays } = await getMonthlyCycle(trx);
    const existing = await documentsRepository.findOfMonth(trx, 'letter', body.month);
    const now = deps.clock.now().toISOString();
    const out: number[] = [];
    for (const entry of lagging) {
      const had = existing.find((d) => d.unitId === entry.unit.id);
      if (had) {
        out.push(had.id);
        continue;
      }
      const title = letterTitle(body.month, entry.unit.nameZh);
      const id = await documentsRepository.insert(trx, {
        docType: 'letter',
        status: 'draft',
        title,
        month: body.month,
        unitId: entry.unit.id,
        addressee: addresseeOf(entry.unit),
        body: JSON.stringify(composeLetter(body.month, entry, responseWorkingDays)),
        createdBy: ctx.user.id,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(trx, deps, ctx, {
        action: 'document.draft',
        entityType: 'document',
        entityId: id,
        after: { docType: 'letter', month: body.month, unitId: entry.unit.id, title },
      });
      out.push(id);
    }
    return out;
  });
  const viewer = await viewerOf(deps.db, ctx);
  const rows = await Promise.all(ids.map((id) => documentsRepository.find(deps.db, viewer, id)));
  return { items: rows.filter((r): r is DocumentRow => !!r).map((r) => listItem(ctx, r)) };
}

async function draftFor(trx: Trx, ctx: UserContext, id: number): Promise<DocumentRow> {
  const viewer: DocumentViewer = { read: NO_SCOPE, drafts: await scopeFor(trx, ctx.user, 'document:draft') };
  const row = await documentsRepository.find(trx, viewer, id);
  if (!row) throw notFound();
  if (row.status !== 'draft') throw fieldError({ status: 'err.document_not_draft' });
  return row;
}

/** The office edits a draft's title, addressee and narrative paragraphs; tables and data paragraphs stay as drafted. */
export async function updateDraft(deps: Deps, ctx: UserContext, id: number, body: z.infer<typeof updateDraftBody>): Promise<DocumentDto> {
  requirePermission(ctx, 'document:draft');
  await deps.db.transaction().execute(async (trx) => {
    const row = await draftFor(trx, ctx, id);
    const blocks = JSON.parse(row.body) as DocumentBlockData[];
    for (const p of body.paragraphs ?? []) {
      const block = blocks[p.index];
      if (block?.kind !== 'paragraph' || !block.editable) throw fieldError({ paragraphs: 'err.document_block_not_editable' });
      block.text = p.text;
    }
    const patch = {
      title: body.title ?? row.title,
      addressee: body.addressee ?? row.addressee,
      body: JSON.stringify(blocks),
      updatedAt: deps.clock.now().toISOString(),
    };
    if (!(await documentsRepository.updateDraft(trx, id, patch))) throw new AppError('CONFLICT');
    await recordAudit(trx, deps, ctx, {
      action: 'document.update',
      entityType: 'document',
      entityId: id,
      before: { title: row.title, addressee: row.addressee, body: JSON.parse(row.body) },
      after: { title: patch.title, addressee: patch.addressee, body: blocks },
    });
  });
  return getDocument(deps, ctx, id);
}

export async function deleteDraft(deps: Deps, ctx: UserContext, id: number): Promise<void> {
  requirePermission(ctx, 'document:draft');
  await deps.db.transaction().execute(async (trx) => {
    const row = await draftFor(trx, ctx, id);
    if (!(await documentsRepository.deleteDraft(trx, id))) throw new AppError('CONFLICT');
    await recordAudit(trx, deps, ctx, {
      action: 'document.delete',
      entityType: 'document',
      entityId: id,
      before: { docType: row.docType, title: row.title, month: row.month },
    });
  });
}

/** Renders a document row with its template (the number, when issued, printed under the red header). */
async function render(db: Executor, row: Pick<DocumentRow, 'docType' | 'title' | 'addressee' | 'body'>, number: string | null, date: string) {
  const template = await documentsRepository.template(db, row.docType);
  if (!template) throw notFound();
  const blocks = (JSON.parse(row.body) as DocumentBlockData[]).map((b) => {
    if (b.kind === 'paragraph') return { kind: 'paragraph' as const, text: b.text };
    if (b.kind === 'chart') return chartImage(b);
    return b;
  });
  const bytes = await officialDocument({
    template: {
      headerText: template.headerText,
      numberPrefix: template.numberPrefix,
      issuer: template.issuer,
      footerLines: JSON.parse(template.footerLines) as string[],
    },
    layout: row.docType === 'letter' ? 'letter' : 'file',
    number,
    title: row.title,
    addressee: row.addressee || undefined,
    blocks,
    date,
  });
  return { bytes, template };
}

/**
 * Issues a draft: the next number of its type and year is taken in this transaction, the .docx is rendered and
 * stored, a reminder letter gets its 督办 task (the month close's task for the unit and month when there is one),
 * and the recipients are notified.
 */
export async function issueDocument(deps: Deps, ctx: UserContext, id: number, issueDate?: string): Promise<DocumentDto> {
  requirePermission(ctx, 'document:issue');
  const today = countyDay(deps.clock.now());
  const date = issueDate ?? today;
  if (date > today) throw fieldError({ issueDate: 'err.document_issue_future' });
  await deps.db.transaction().execute(async (trx) => {
    const row = await draftFor(trx, ctx, id);
    const board = row.month ? await lockedBoard(trx, row.month) : null;
    // A document about a month is issued once that month is over (the number's year is the issue date's).
    if (row.month && date.slice(0, 7) <= row.month) throw fieldError({ issueDate: 'err.document_issue_before_month' });
    const recipients = row.unitId ? [row.unitId] : [...new Set(board?.indicators.flatMap((r) => r.units.map((c) => c.unit.id)) ?? [])];
    const template = await documentsRepository.template(trx, row.docType);
    if (!template) throw notFound();
    const year = Number(date.slice(0, 4));
    const seq = await nextDocumentSeq(trx, row.docType, year);
    const number = formatDocumentNumber(template.numberPrefix, year, seq);
    const taskId = board ? await followUpTasks(trx, deps, ctx, row, board, number) : null;
    const { bytes } = await render(trx, row, number, date);
    const file = await storeDocumentFile(deps.config.attachmentsDir, bytes);
    const now = deps.clock.now().toISOString();
    const patch = {
      status: 'issued' as const,
      year,
      seq,
      number,
      issueDate: date,
      docxSha256: file.sha256,
      docxSize: file.size,
      taskId,
      issuedBy: ctx.user.id,
      issuedAt: now,
      updatedAt: now,
    };
    if (!(await documentsRepository.updateDraft(trx, id, patch))) throw new AppError('CONFLICT');
    await recordAudit(trx, deps, ctx, {
      action: 'document.issue',
      entityType: 'document',
      entityId: id,
      before: { status: 'draft' },
      after: { number, issueDate: date, sha256: file.sha256, taskId },
    });
    if (recipients.length)
      await notify(trx, deps, {
        unitIds: recipients,
        kind: `document.${row.docType}`,
        title: { zh: `${number}：${row.title}`, en: `${number}: ${row.title}` },
        link: `/documents/${id}`,
        entityType: 'document',
        entityId: String(id),
      });
  });
  return getDocument(deps, ctx, id);
}

/**
 * The 督办 tasks an issued document asks for, one per unit and month (the month close's task when there is one): a
 * reminder letter's unit, or each unit a criticism notice names. Returns the letter's task.
 */
async function followUpTasks(trx: Trx, deps: Deps, ctx: UserContext, row: DocumentRow, board: Warnings, number: string): Promise<number | null> {
  const { responseWorkingDays } = await getMonthlyCycle(trx);
  const ask = (unit: { id: number; nameZh: string }, document: string) =>
    laggingUnitTask(trx, deps, ctx, {
      month: board.month,
      unit,
      description: `请按${document}（${number}）要求，于 ${responseWorkingDays} 个工作日内书面说明指标落后的原因、整改措施和完成时限。`,
      createdByUnitId: ctx.user.unitId,
    });
  if (row.docType === 'letter' && row.unitId) return (await ask({ id: row.unitId, nameZh: row.unitNameZh ?? row.addressee }, '提醒函')).id;
  if (row.docType === 'notice' && row.subject === 'criticism') for (const unit of persistentRedUnits(board)) await ask(unit, '通报');
  return null;
}

/** A download's file name: number and title, without the characters file systems refuse. */
const fileBase = (row: Pick<DocumentRow, 'number' | 'title'>) => `${row.number ?? '草稿'}-${row.title}`.replace(/[\\/:*?"<>|]/g, '_');

/** The stored .docx of an issued document (a draft is rendered on the fly, for the office's preview). */
export async function documentFile(deps: Deps, ctx: UserContext, id: number): Promise<{ fileName: string; bytes: Buffer }> {
  requirePermission(ctx, 'document:read');
  const row = await documentsRepository.find(deps.db, await viewerOf(deps.db, ctx), id);
  if (!row) throw notFound();
  const name = fileBase(row);
  if (row.status === 'issued' && row.docxSha256) return { fileName: `${name}.docx`, bytes: await readDocumentFile(deps.config.attachmentsDir, row.docxSha256) };
  const { bytes } = await render(deps.db, row, null, countyDay(deps.clock.now()));
  return { fileName: `${name}.docx`, bytes };
}

export async function listTemplates(deps: Deps, ctx: UserContext) {
  requirePermission(ctx, 'document:read');
  const rows = await documentsRepository.templates(deps.db);
  return {
    items: rows.map((t) => ({
      docType: t.docType as DocType,
      headerText: t.headerText,
      numberPrefix: t.numberPrefix,
      issuer: t.issuer,
      addressee: t.addressee,
      footerLines: JSON.parse(t.footerLines) as string[],
    })),
  };
}

/** The office edits a template: header text, number prefix, issuer and signature, default addressee, footer lines. */
export async function updateTemplate(deps: Deps, ctx: UserContext, docType: DocType, body: z.infer<typeof updateTemplateBody>) {
  requirePermission(ctx, 'document:template');
  await deps.db.transaction().execute(async (trx) => {
    const before = await documentsRepository.template(trx, docType);
    if (!before) throw notFound();
    await documentsRepository.updateTemplate(trx, docType, {
      ...body,
      footerLines: JSON.stringify(body.footerLines),
      updatedAt: deps.clock.now().toISOString(),
    });
    await recordAudit(trx, deps, ctx, { action: 'document_template.update', entityType: 'document_template', entityId: docType, before, after: body });
  });
  return (await listTemplates(deps, ctx)).items.find((t) => t.docType === docType);
}

/**
 * The PDF of an issued document: converted from the stored .docx with LibreOffice the first time it is asked for and
 * kept beside it. 404 when the server has no LibreOffice (the .docx is the document of record).
 */
export async function documentPdf(deps: Deps, ctx: UserContext, id: number): Promise<{ fileName: string; bytes: Buffer }> {
  requirePermission(ctx, 'document:read');
  const row = await documentsRepository.find(deps.db, await viewerOf(deps.db, ctx), id);
  if (row?.status !== 'issued' || !row.docxSha256) throw notFound();
  const fileName = `${fileBase(row)}.pdf`;
  if (row.pdfSha256) return { fileName, bytes: await readDocumentFile(deps.config.attachmentsDir, row.pdfSha256) };
  const pdf = await docxToPdf(await readDocumentFile(deps.config.attachmentsDir, row.docxSha256));
  if (!pdf) throw notFound();
  const file = await storeDocumentFile(deps.config.attachmentsDir, pdf);
  // A rendition of the stored .docx, not a change to the document: remembered without an audit row.
  await documentsRepository.setPdf(deps.db, id, file.sha256);
  return { fileName, bytes: pdf };
}
