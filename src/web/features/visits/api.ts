import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/list';
import type {
  Assignment,
  Coverage,
  createExchangeBody,
  createVisitBody,
  Exchange,
  UnitBrief,
  Visit,
  VisitListItem,
} from '../../../shared/modules/visits.schemas';
import type { z } from 'zod';
import { api, toQuery } from '../../lib/api';

const key = ['visits'] as const;

export interface VisitFilters {
  q?: string;
  from?: string;
  to?: string;
  withProblems?: string;
}
export interface AssignmentFilters {
  q?: string;
  officerUserId?: number;
  current?: string;
}
export interface ExchangeFilters {
  q?: string;
  direction?: string;
  current?: string;
}
export interface Officer {
  id: number;
  displayName: string;
  unit: UnitBrief;
  serviceOfficer: boolean;
}
export interface Visitable {
  id: number;
  name: string;
  officer: { id: number; displayName: string } | null;
  team: UnitBrief | null;
}
export type VisitBody = z.input<typeof createVisitBody>;
export type ExchangeBody = z.input<typeof createExchangeBody>;

export const useVisits = (query: object) =>
  useQuery({
    queryKey: [...key, 'list', query],
    queryFn: () => api.get<Page<VisitListItem>>(`/api/visits${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
export const useVisit = (id: number) => useQuery({ queryKey: [...key, 'visit', id], queryFn: () => api.get<Visit>(`/api/visits/${id}`) });
export const useVisitables = () => useQuery({ queryKey: [...key, 'firms'], queryFn: () => api.get<{ items: Visitable[] }>('/api/visits/firms') });
export const useProblemUnits = () =>
  useQuery({ queryKey: [...key, 'problem-units'], queryFn: () => api.get<{ items: UnitBrief[] }>('/api/visits/problem-units'), staleTime: 5 * 60_000 });
export const useOfficers = () =>
  useQuery({ queryKey: [...key, 'officers'], queryFn: () => api.get<{ items: Officer[] }>('/api/visits/officers'), staleTime: 5 * 60_000 });
export const useAssignments = (query: object) =>
  useQuery({
    queryKey: [...key, 'assignments', query],
    queryFn: () => api.get<Page<Assignment>>(`/api/visits/assignments${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
export const useExchanges = (query: object) =>
  useQuery({
    queryKey: [...key, 'exchanges', query],
    queryFn: () => api.get<Page<Exchange>>(`/api/visits/exchanges${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
export const useCoverage = (query: { period?: string; teamUnitId?: number }) =>
  useQuery({
    queryKey: [...key, 'coverage', query],
    queryFn: () => api.get<Coverage>(`/api/visits/coverage${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
export { useFirmSearch } from '../../lib/firms';
/** Writes change lists, coverage, tasks and requests: refresh them all. */
function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void queryClient.invalidateQueries({ queryKey: ['services'] });
    },
  });
}

export const useCreateVisit = () => useWrite((body: VisitBody) => api.post<Visit>('/api/visits', body));
export const useUpdateVisit = () =>
  useWrite(({ id, ...body }: Partial<Omit<VisitBody, 'enterpriseId' | 'problems'>> & { id: number }) => api.patch<Visit>(`/api/visits/${id}`, body));
export const useDeleteVisit = () =>
  useWrite(({ id, reason }: { id: number; reason: string }) => api.post<{ ok: boolean }>(`/api/visits/${id}/delete`, { reason }));
export const useAssign = () =>
  useWrite((body: { enterpriseIds: number[]; officerUserId: number; fromDate: string; note: string }) =>
    api.post<{ assigned: number }>('/api/visits/assignments', body),
  );
export const useEndAssignment = () =>
  useWrite(({ id, toDate }: { id: number; toDate: string }) => api.post<Assignment>(`/api/visits/assignments/${id}/end`, { toDate }));
export const useSaveExchange = () =>
  useWrite(({ id, ...body }: Partial<ExchangeBody> & { id?: number }) =>
    id ? api.patch<Exchange>(`/api/visits/exchanges/${id}`, body) : api.post<Exchange>('/api/visits/exchanges', body),
  );
export const useDeleteExchange = () => useWrite((id: number) => api.delete(`/api/visits/exchanges/${id}`));
