import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/list';
import type {
  ApplicationListItem,
  BankTotalsRow,
  BudgetRow,
  categoryBody,
  createLoanBody,
  createProgrammeBody,
  FundApplication,
  FundLoan,
  FundPolicy,
  FundProgramme,
  LoanListItem,
  LoanSettings,
  updateProgrammeBody,
} from '../../../shared/modules/funds.schemas';
import type { Expr } from '../../../shared/rules/funds-eligibility';
import type { z } from 'zod';
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

export { useFirmSearch } from '../../lib/firms';

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

export type CategoryInput = z.input<typeof categoryBody>;
/** A new programme with its categories, or the fields a PATCH changes. */
export type ProgrammeInput = z.input<typeof createProgrammeBody> | z.input<typeof updateProgrammeBody>;

export const useSaveProgramme = () =>
  useWrite(({ id, ...body }: ProgrammeInput & { id?: number }) =>
    id ? api.patch<FundProgramme>(`/api/funds/programmes/${id}`, body) : api.post<FundProgramme>('/api/funds/programmes', body),
  );
export const useApply = () =>
  useWrite(
    (body: {
      enterpriseId?: number;
      programmeId: number;
      categoryId: number;
      title: string;
      description: string;
      investmentFen: number | null;
      policyId?: number | null;
    }) => api.post<FundApplication>('/api/funds/applications', body),
  );
const STEP_PATHS = { preliminary: 'preliminary', office: 'office-review', leader: 'approval' } as const;
export const useReview = (id: number) =>
  useWrite(({ step, ...body }: { step: keyof typeof STEP_PATHS; decision: 'pass' | 'return'; reason: string; amountFen?: number }) =>
    api.post<FundApplication>(`/api/funds/applications/${id}/${STEP_PATHS[step]}`, body),
  );
export const useReject = (id: number) => useWrite((body: { reason: string }) => api.post<FundApplication>(`/api/funds/applications/${id}/reject`, body));
export const useResubmit = (id: number) =>
  useWrite((body: { description?: string; investmentFen?: number | null }) => api.post<FundApplication>(`/api/funds/applications/${id}/resubmit`, body));
export const useDisburse = (id: number) =>
  useWrite((body: { amountFen: number; paidDate: string; note: string }) => api.post<FundApplication>(`/api/funds/applications/${id}/disbursements`, body));

export interface Match {
  enterprise: { id: number; name: string };
  township: { id: number; nameZh: string; nameEn: string };
  amountFen: number;
  awarded: boolean;
}
export interface Matches {
  qualifying: number;
  undecided: number;
  items: Match[];
  amountFen: number;
}
export interface MyPolicy {
  policy: { id: number; name: string; summary: string; autoGrant: boolean };
  programme: FundProgramme;
  categoryId: number;
  applied: boolean;
}

export function usePolicies(query: object) {
  return useQuery({
    queryKey: [...key, 'policies', query],
    queryFn: () => api.get<Page<FundPolicy>>(`/api/funds/policies${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
}
export function usePolicyMatches(id: number) {
  return useQuery({ queryKey: [...key, 'matches', id], queryFn: () => api.get<Matches>(`/api/funds/policies/${id}/matches`) });
}
export function useMyPolicies(enabled: boolean) {
  return useQuery({ queryKey: [...key, 'my-policies'], queryFn: () => api.get<{ items: MyPolicy[] }>('/api/funds/policies/mine'), enabled });
}
export const usePreview = () =>
  useMutation({ mutationFn: (body: { eligibility: Expr; categoryId: number }) => api.post<Matches>('/api/funds/policies/preview', body) });
export const useSavePolicy = () =>
  useWrite(
    ({
      id,
      ...body
    }: {
      id?: number;
      name?: string;
      summary?: string;
      programmeId?: number;
      categoryId?: number;
      eligibility?: Expr;
      autoGrant?: boolean;
      active?: boolean;
    }) => (id ? api.patch<FundPolicy>(`/api/funds/policies/${id}`, body) : api.post<FundPolicy>('/api/funds/policies', body)),
  );
export const useConfirmAwards = () => useWrite((id: number) => api.post<{ granted: number; amountFen: number }>(`/api/funds/policies/${id}/awards`, {}));

// Guaranteed loans.
export interface LoanFilters {
  q?: string;
  bankUnitId?: number;
  method?: string;
  status?: string;
  overdue?: string;
}
export function useLoans(query: object) {
  return useQuery({
    queryKey: [...key, 'loans', query],
    queryFn: () => api.get<Page<LoanListItem>>(`/api/funds/loans${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
}
export function useLoan(id: number) {
  return useQuery({ queryKey: [...key, 'loan', id], queryFn: () => api.get<FundLoan>(`/api/funds/loans/${id}`) });
}
export function useBankTotals() {
  return useQuery({
    queryKey: [...key, 'loans-by-bank'],
    queryFn: () => api.get<{ items: BankTotalsRow[]; totals: Omit<BankTotalsRow, 'bank'> }>('/api/funds/loans/by-bank'),
  });
}
export function useLoanOptions() {
  return useQuery({
    queryKey: [...key, 'loan-options'],
    queryFn: () => api.get<{ banks: { id: number; nameZh: string; nameEn: string }[]; settings: LoanSettings }>('/api/funds/loans/options'),
  });
}
export type LoanInput = z.input<typeof createLoanBody>;
export const useCreateLoan = () => useWrite((body: LoanInput) => api.post<FundLoan>('/api/funds/loans', body));
export const useRepay = (id: number) =>
  useWrite((body: { amountFen: number; paidDate: string; note: string }) => api.post<FundLoan>(`/api/funds/loans/${id}/repayments`, body));
export const useSaveLoanSettings = () => useWrite((body: LoanSettings) => api.put<LoanSettings>('/api/funds/loans/settings', body));
