import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/list';
import type { BudgetRow, FundApplication, FundProgramme, ApplicationListItem } from '../../../shared/modules/funds.schemas';
import { api, toQuery } from '../../lib/api';

export interface ApplicationFilters {
  q?: string;
  status?: string;
  programmeId?: number;
  year?: number;
  mine?: string;
}
export interface ProgrammeFilters {
  q?: string;
  year?: number;
  fund?: string;
  open?: string;
}

const key = ['funds'] as const;

export function useProgrammes(query: object) {
  return useQuery({
    queryKey: [...key, 'programmes', query],
    queryFn: () => api.get<Page<FundProgramme>>(`/api/funds/programmes${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function useApplications(query: object) {
  return useQuery({
    queryKey: [...key, 'applications', query],
    queryFn: () => api.get<Page<ApplicationListItem>>(`/api/funds/applications${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function useApplication(id: number) {
  return useQuery({ queryKey: [...key, 'application', id], queryFn: () => api.get<FundApplication>(`/api/funds/applications/${id}`) });
}

export function useBudget(year: number | undefined) {
  return useQuery({
    queryKey: [...key, 'budget', year],
    queryFn: () => api.get<{ items: BudgetRow[]; totals: Omit<BudgetRow, 'programme'> }>(`/api/funds/budget${toQuery({ year })}`),
  });
}

/** Firms to apply for, searched by name (the office enters applications on a firm's behalf). */
export function useFirmSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...key, 'firm-search', q],
    queryFn: () => api.get<Page<{ id: number; name: string }>>(`/api/enterprises${toQuery({ q: q || undefined, pageSize: 20 })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Any write changes the lists, the budget and tasks: refresh them all. */
function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

export interface CategoryInput {
  name: string;
  ruleKind: 'fixed' | 'share';
  amountFen: number | null;
  shareBp: number | null;
  capFen: number | null;
}
export interface ProgrammeInput {
  fund?: string;
  name?: string;
  year?: number;
  budgetFen?: number;
  opensOn?: string;
  closesOn?: string;
  materials?: string;
  basis?: string;
  reviewUnitId?: number | null;
  categories?: CategoryInput[];
}

export const useSaveProgramme = () =>
  useWrite(({ id, ...body }: ProgrammeInput & { id?: number }) =>
    id ? api.patch<FundProgramme>(`/api/funds/programmes/${id}`, body) : api.post<FundProgramme>('/api/funds/programmes', body),
  );
export const useApply = () =>
  useWrite((body: { enterpriseId?: number; programmeId: number; categoryId: number; title: string; description: string; investmentFen: number | null }) =>
    api.post<FundApplication>('/api/funds/applications', body),
  );
const STEP_PATHS = { preliminary: 'preliminary', office: 'office-review', leader: 'approval' } as const;
export const useReview = (id: number) =>
  useWrite(({ step, ...body }: { step: keyof typeof STEP_PATHS; decision: 'pass' | 'return'; reason: string; amountFen?: number }) =>
    api.post<FundApplication>(`/api/funds/applications/${id}/${STEP_PATHS[step]}`, body),
  );
export const useResubmit = (id: number) =>
  useWrite((body: { description?: string; investmentFen?: number | null }) => api.post<FundApplication>(`/api/funds/applications/${id}/resubmit`, body));
export const useDisburse = (id: number) =>
  useWrite((body: { amountFen: number; paidDate: string; note: string }) => api.post<FundApplication>(`/api/funds/applications/${id}/disbursements`, body));
