import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Ledger, saveValuesBody, Trend, Warnings } from '../../../shared/modules/indicators.schemas';
import type { TaskStatus } from '../../../shared/rules/task-deadline';
import type { z } from 'zod';
import { api, toQuery } from '../../lib/api';

const ledgerKey = ['indicator-ledger'] as const;
const warningsKey = ['indicator-warnings'] as const;

/** One unit's sheet for a year (the caller's own unit when none is given). */
export function useLedger(year: number, unitId: number | null) {
  return useQuery({
    queryKey: [...ledgerKey, year, unitId],
    queryFn: () => api.get<Ledger>(`/api/indicator-ledger${toQuery({ year, unitId })}`),
    placeholderData: keepPreviousData,
  });
}

export type ValueInput = z.input<typeof saveValuesBody>['values'][number];

function useInvalidateLedger() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: ledgerKey }), queryClient.invalidateQueries({ queryKey: warningsKey })]);
}

/** Saves edited values as drafts (a reason is needed for locked months). */
export function useSaveValues() {
  const invalidate = useInvalidateLedger();
  return useMutation({
    mutationFn: (input: { unitId: number; values: ValueInput[]; reason?: string }) => api.put('/api/indicator-ledger/values', input),
    onSuccess: invalidate,
  });
}

/** Submits a unit's drafts of one month. */
export function useSubmitMonth() {
  const invalidate = useInvalidateLedger();
  return useMutation({
    mutationFn: (input: { unitId: number; month: string }) => api.post<{ submitted: number }>('/api/indicator-ledger/submit', input),
    onSuccess: invalidate,
  });
}

/** Locks a month (office). */
export function useLockMonth() {
  const invalidate = useInvalidateLedger();
  return useMutation({
    mutationFn: (month: string) => api.post<{ units: number; tasks: number }>('/api/indicator-ledger/locks', { month }),
    onSuccess: invalidate,
  });
}

export interface HistoryItem {
  action: 'submit' | 'correct';
  beforeValue: number | null;
  afterValue: number;
  reason: string;
  changedAt: string;
  changedBy: string | null;
}

/** The history of one value. */
export function useValueHistory(q: { indicatorId: number; unitId: number; month: string } | null) {
  return useQuery({
    queryKey: [...ledgerKey, 'history', q],
    queryFn: () => api.get<{ items: HistoryItem[] }>(`/api/indicator-ledger/history${toQuery(q ?? {})}`),
    enabled: q !== null,
  });
}

/** The warnings board of a month. */
export function useWarnings(query: { month: string; level?: string; unitId?: number; indicatorId?: number; parentId?: number }, enabled = true) {
  return useQuery({
    queryKey: [...warningsKey, query],
    queryFn: () => api.get<Warnings>(`/api/indicator-warnings${toQuery(query)}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** An indicator's months for the county or one unit. */
export function useTrend(query: { year: number; indicatorId?: number; unitId?: number }) {
  return useQuery({
    queryKey: [...warningsKey, 'trend', query],
    queryFn: () => api.get<Trend>(`/api/indicator-trend${toQuery(query)}`),
    enabled: query.indicatorId !== undefined,
  });
}

/** What the office has already done about one unit's month on the board: its 督办 task and its reminder letters. */
export function useUnitFollowUp(month: string, unitId: number | undefined, enabled: { tasks: boolean; letters: boolean }) {
  const tasks = useQuery({
    queryKey: ['tasks', 'indicator-warning', month, unitId],
    queryFn: () =>
      api.get<{ items: { id: number; title: string; status: TaskStatus }[] }>(`/api/tasks${toQuery({ type: 'indicator_warning', unitId, q: month })}`),
    enabled: unitId !== undefined && enabled.tasks,
  });
  const letters = useQuery({
    queryKey: ['documents', 'letters', month, unitId],
    queryFn: () =>
      api.get<{ items: { id: number; title: string; number: string | null; status: string }[] }>(
        `/api/documents${toQuery({ docType: 'letter', month, unitId })}`,
      ),
    enabled: unitId !== undefined && enabled.letters,
  });
  return { tasks, letters };
}

export const useAskLaggingUnit = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { month: string; unitId: number }) => api.post<{ id: number; created: boolean }>('/api/indicator-warnings/tasks', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tasks'] }),
  });
};

export const useDraftUnitLetter = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { month: string; unitId: number }) =>
      api.post<{ items: { id: number }[] }>('/api/documents/letters', { month: body.month, unitIds: [body.unitId] }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['documents'] }),
  });
};
