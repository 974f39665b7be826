import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { createIndicatorBody, Indicator, indicatorDecompositionBody, Plan } from '../../../shared/modules/indicators.schemas';
import type { Page } from '../../../shared/list';
import type { z } from 'zod';
import { api, toQuery } from '../../lib/api';

export interface IndicatorFilters {
  q?: string;
  kind?: Indicator['kind'];
  active?: 'true' | 'false';
}

const indicatorsKey = ['indicators'] as const;
const plansKey = ['indicator-plans'] as const;

/** One page of the indicator catalogue. */
export function useIndicators(query: object) {
  return useQuery({
    queryKey: [...indicatorsKey, query],
    queryFn: () => api.get<Page<Indicator>>(`/api/indicators${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
}

export type IndicatorInput = z.input<typeof createIndicatorBody>;

/** Adds an indicator, or changes one when `id` is given. */
export function useSaveIndicator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: number; input: IndicatorInput }) =>
      id ? api.patch<Indicator>(`/api/indicators/${id}`, input) : api.post<Indicator>('/api/indicators', input),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: indicatorsKey }), queryClient.invalidateQueries({ queryKey: plansKey })]),
  });
}

/** The years that have a plan. */
export function usePlanYears() {
  return useQuery({
    queryKey: [...plansKey, 'years'],
    queryFn: () => api.get<{ items: PlanYear[] }>('/api/indicator-plans'),
  });
}

type PlanYear = { year: number; status: 'draft' | 'published'; version: number; latestReportedMonth: string | null; latestLockedMonth: string | null };

/** The year the ledger and the boards open on: the newest published plan with reported data, else the newest published. */
export function defaultPlanYear(years: PlanYear[] | undefined): number | undefined {
  const published = (years ?? []).filter((p) => p.status === 'published');
  return (published.find((p) => p.latestReportedMonth) ?? published[0])?.year;
}

/** One year's plan as the user may see it. */
export function usePlan(year: number) {
  return useQuery({ queryKey: [...plansKey, year], queryFn: () => api.get<Plan>(`/api/indicator-plans/${year}`), placeholderData: keepPreviousData });
}

export type DecompositionInput = z.input<typeof indicatorDecompositionBody>;

export type TargetInput = DecompositionInput['county'];

/** Replaces one indicator's county target and decomposition. */
export function useSaveDecomposition(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ indicatorId, input }: { indicatorId: number; input: DecompositionInput }) =>
      api.put<Plan>(`/api/indicator-plans/${year}/indicators/${indicatorId}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: plansKey }),
  });
}

/** Publishes the year's draft plan. */
export function usePublishPlan(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { coverageReason?: string }) => api.post<Plan>(`/api/indicator-plans/${year}/publish`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: plansKey }),
  });
}

/** The published versions of a year's plan. */
export function usePlanVersions(year: number, enabled: boolean) {
  return useQuery({
    queryKey: [...plansKey, year, 'versions'],
    queryFn: () =>
      api.get<{ items: { version: number; reason: string; createdAt: string; createdBy: { id: number; displayName: string } | null }[] }>(
        `/api/indicator-plans/${year}/versions`,
      ),
    enabled,
  });
}
