import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/list';
import type {
  createNeedBody,
  createProductBody,
  FinancingMeeting,
  FinancingPanel,
  FinancingStats,
  Match,
  Need,
  NeedListItem,
  outcomeBody,
  Product,
  UnitBrief,
} from '../../../shared/modules/financing.schemas';
import type { z } from 'zod';
import { api, toQuery } from '../../lib/api';

const key = ['financing'] as const;

export interface NeedFilters {
  q?: string;
  status?: string;
  urgency?: string;
  open?: string;
}
export interface ProductFilters {
  q?: string;
  type?: string;
  bankUnitId?: number;
}
export interface MeetingListItem {
  id: number;
  title: string;
  meetingDate: string;
  location: string;
  status: string;
  needs: number;
  banks: number;
  loans: number;
}
export type NeedBody = z.input<typeof createNeedBody>;
export type OutcomeBody = z.input<typeof outcomeBody>;
export type ProductBody = z.input<typeof createProductBody>;

export const useBanks = () =>
  useQuery({ queryKey: [...key, 'banks'], queryFn: () => api.get<{ items: UnitBrief[] }>('/api/financing/banks'), staleTime: 5 * 60_000 });

export const useProducts = (query: object) =>
  useQuery({
    queryKey: [...key, 'products', query],
    queryFn: () => api.get<Page<Product>>(`/api/financing/products${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });

export const useNeeds = (query: object) =>
  useQuery({
    queryKey: [...key, 'needs', query],
    queryFn: () => api.get<Page<NeedListItem>>(`/api/financing/needs${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });

export const useNeed = (id: number) => useQuery({ queryKey: [...key, 'need', id], queryFn: () => api.get<Need>(`/api/financing/needs/${id}`) });

export const useMatches = (query: object) =>
  useQuery({
    queryKey: [...key, 'matches', query],
    queryFn: () => api.get<Page<Match>>(`/api/financing/matches${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });

export const useFinancingMeetings = () =>
  useQuery({ queryKey: [...key, 'meetings'], queryFn: () => api.get<{ items: MeetingListItem[] }>('/api/financing/meetings') });

export const useFinancingMeeting = (id: number) =>
  useQuery({ queryKey: [...key, 'meeting', id], queryFn: () => api.get<FinancingMeeting>(`/api/financing/meetings/${id}`) });

export const useFinancingStats = (query: { by: string; from?: string; to?: string }) =>
  useQuery({ queryKey: [...key, 'stats', query], queryFn: () => api.get<FinancingStats>(`/api/financing/stats${toQuery(query)}`) });

export const useFinancingPanel = (year?: number) =>
  useQuery({ queryKey: [...key, 'panel', year ?? null], queryFn: () => api.get<FinancingPanel>(`/api/financing/panel${toQuery({ year })}`) });

export { useFirmSearch } from '../../lib/firms';

/** Any write changes lists, meetings, statistics and tasks: refresh them all. */
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

export const useCreateNeed = () => useWrite((body: NeedBody) => api.post<Need>('/api/financing/needs', body));
export const useUpdateNeed = (id: number) =>
  useWrite((body: Partial<Pick<NeedBody, 'amountFen' | 'termMonths' | 'purpose' | 'collateral' | 'urgency' | 'contact'>>) =>
    api.patch<Need>(`/api/financing/needs/${id}`, body),
  );
export const useNeedBanks = (id: number) =>
  useWrite((body: { shareWithAll: boolean; bankUnitIds: number[]; consent: true }) => api.put<Need>(`/api/financing/needs/${id}/banks`, body));
export const useCloseNeed = (id: number) => useWrite((reason: string) => api.post<Need>(`/api/financing/needs/${id}/close`, { reason }));
export const useOutcome = (id: number) => useWrite((body: OutcomeBody) => api.post<Need>(`/api/financing/needs/${id}/outcome`, body));
export const useSaveProduct = () =>
  useWrite(({ id, ...body }: Partial<ProductBody> & { id?: number }) =>
    id ? api.patch<Product>(`/api/financing/products/${id}`, body) : api.post<Product>('/api/financing/products', body),
  );
export const useAddMeetingNeeds = (id: number) =>
  useWrite((needIds: number[]) => api.post<FinancingMeeting>(`/api/financing/meetings/${id}/needs`, { needIds }));
export const useRemoveMeetingNeed = (id: number) => useWrite((needId: number) => api.delete(`/api/financing/meetings/${id}/needs/${needId}`));
export const useMeetingBanks = (id: number) =>
  useWrite((bankUnitIds: number[]) => api.put<FinancingMeeting>(`/api/financing/meetings/${id}/banks`, { bankUnitIds }));
export const useCarryOver = (id: number) => useWrite(() => api.post<{ added: number }>(`/api/financing/meetings/${id}/carry-over`, {}));
