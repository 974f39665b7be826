import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/list';
import type { z } from 'zod';
import type {
  DocType,
  DocumentDto,
  DocumentListItem,
  NoticeSubject,
  templatesResponse,
  updateDraftBody,
  updateTemplateBody,
} from '../../../shared/modules/documents.schemas';
import type { Warnings } from '../../../shared/modules/indicators.schemas';
import { api, toQuery } from '../../lib/api';

export interface DocumentFilters {
  docType?: string;
  subject?: string;
  status?: string;
  q?: string;
  month?: string;
  unitId?: number;
  from?: string;
  to?: string;
}

const documentsKey = ['documents'] as const;

/** One page of the document register. */
export function useDocuments(query: object) {
  return useQuery({
    queryKey: [...documentsKey, 'list', query],
    queryFn: () => api.get<Page<DocumentListItem>>(`/api/documents${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
}

/** A document with its body. */
export function useDocument(id: number) {
  return useQuery({ queryKey: [...documentsKey, 'one', id], queryFn: () => api.get<DocumentDto>(`/api/documents/${id}`) });
}

function useDocumentMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: documentsKey });
    },
  });
}

/** What the office drafts from a month: the work brief, or a notice criticising or praising. */
export type MonthlyDraft = { kind: 'brief'; month: string } | { kind: 'notice'; month: string; subject: NoticeSubject };

/** Drafts (or reopens) the work brief or a notice of a locked month. */
export const useDraftMonthly = () =>
  useDocumentMutation(({ kind, ...body }: MonthlyDraft) => api.post<DocumentDto>(kind === 'brief' ? '/api/documents/briefs' : '/api/documents/notices', body));
/** Drafts the reminder letters of a locked month's lagging units. */
export const useDraftLetters = () =>
  useDocumentMutation((body: { month: string; unitIds: number[] }) => api.post<{ items: DocumentListItem[] }>('/api/documents/letters', body));

/** The units a locked month's reminder letters can go to: every unit with a red or missing indicator on the board. */
export function useLaggingUnits(month: string | undefined) {
  return useQuery({
    queryKey: ['indicator-warnings', { month }, 'lagging'],
    queryFn: async () => {
      const board = await api.get<Warnings>(`/api/indicator-warnings${toQuery({ month })}`);
      const units = new Map<number, Warnings['indicators'][number]['units'][number]['unit']>();
      for (const row of board.indicators) for (const c of row.units) if (c.level === 'red' || c.level === 'missing') units.set(c.unit.id, c.unit);
      return [...units.values()];
    },
    enabled: !!month,
  });
}
export const useUpdateDraft = (id: number) =>
  useDocumentMutation((body: z.input<typeof updateDraftBody>) => api.patch<DocumentDto>(`/api/documents/${id}`, body));
export const useIssueDocument = (id: number) => useDocumentMutation((issueDate: string) => api.post<DocumentDto>(`/api/documents/${id}/issue`, { issueDate }));
export const useDeleteDraft = (id: number) => useDocumentMutation(() => api.delete(`/api/documents/${id}`));

export type TemplateValues = z.input<typeof updateTemplateBody>;

/** The templates of the document types. */
export function useTemplates() {
  return useQuery({
    queryKey: [...documentsKey, 'templates'],
    queryFn: () => api.get<z.output<typeof templatesResponse>>('/api/documents/templates'),
  });
}

export const useUpdateTemplate = () =>
  useDocumentMutation(({ docType, body }: { docType: DocType; body: TemplateValues }) => api.put<TemplateValues>(`/api/documents/templates/${docType}`, body));
