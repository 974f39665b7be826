import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Aggregate, Matrix, ReportForm, ReportSheet } from '../../../shared/modules/reports.schemas';
import type { ReportFormDefinition, ReportValues } from '../../../shared/rules/report-forms';
import { api, toQuery } from '../../lib/api';

const reportsKey = ['reports'] as const;

/** The report forms. */
export function useReportForms() {
  return useQuery({ queryKey: [...reportsKey, 'forms'], queryFn: () => api.get<{ items: ReportForm[] }>('/api/report-forms') });
}

/** One form with its current definition and versions. */
export function useReportForm(id: number | null) {
  return useQuery({
    queryKey: [...reportsKey, 'form', id],
    queryFn: () =>
      api.get<ReportForm & { definition: ReportFormDefinition; versions: { version: number; note: string; createdAt: string }[] }>(`/api/report-forms/${id}`),
    enabled: id !== null,
  });
}

/** The completeness matrix of a month. */
export function useReportMatrix(month: string) {
  return useQuery({
    queryKey: [...reportsKey, 'matrix', month],
    queryFn: () => api.get<Matrix>(`/api/reports/matrix${toQuery({ month })}`),
    placeholderData: keepPreviousData,
  });
}

/** County totals of a form's numeric fields. */
export function useReportAggregate(formId: number | null, month: string) {
  return useQuery({
    queryKey: [...reportsKey, 'aggregate', formId, month],
    queryFn: () => api.get<Aggregate>(`/api/reports/aggregate${toQuery({ formId, month })}`),
    enabled: formId !== null,
    placeholderData: keepPreviousData,
  });
}

export type SheetRef = { id: number } | { formId: number; unitId: number; month: string };

/** A report by id, or by form, unit and month (the blank form when not started). */
export function useReportSheet(ref: SheetRef) {
  return useQuery({
    queryKey: [...reportsKey, 'sheet', ref],
    queryFn: () => api.get<ReportSheet>('id' in ref ? `/api/reports/${ref.id}` : `/api/reports/sheet${toQuery(ref)}`),
  });
}

function useReportMutation<I>(fn: (input: I) => Promise<ReportSheet>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (sheet) => {
      queryClient.setQueryData([...reportsKey, 'sheet', { id: sheet.id }], sheet);
      return queryClient.invalidateQueries({ queryKey: reportsKey });
    },
  });
}

/** Saves the draft (created on first save). */
export function useSaveReport() {
  return useReportMutation((input: { formId: number; unitId: number; month: string; values: ReportValues; explanations: Record<string, string> }) =>
    api.put<ReportSheet>('/api/reports/sheet', input),
  );
}

/** Submits, returns, accepts or reopens a report. */
export function useReportAction() {
  return useReportMutation(
    (
      input:
        | { id: number; action: 'submit' | 'accept' }
        | { id: number; action: 'return'; reason: string; fieldKey: string | null }
        | { id: number; action: 'reopen'; reason: string },
    ) => {
      const { id, action, ...body } = input;
      return api.post<ReportSheet>(`/api/reports/${id}/${action}`, body);
    },
  );
}
