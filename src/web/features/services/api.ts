import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/list';
import type { Enterprise } from '../../../shared/modules/enterprises.schemas';
import type {
  Commitment,
  Correction,
  Registration,
  RequestListItem,
  ServiceCategory,
  ServiceRequest,
  UnitStats,
} from '../../../shared/modules/services.schemas';
import { api, toQuery } from '../../lib/api';

export interface RequestFilters {
  q?: string;
  status?: string;
  channel?: string;
  categoryId?: number;
  overdue?: string;
}

export interface FirmAccount {
  id: number;
  username: string;
  displayName: string;
  phone: string | null;
  active: boolean;
  enterprise: { id: number; name: string };
  lastLoginAt: string | null;
}

const key = ['services'] as const;

export function useRequests(query: object) {
  return useQuery({
    queryKey: [...key, 'list', query],
    queryFn: () => api.get<Page<RequestListItem>>(`/api/services/requests${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function useRequest(id: number) {
  return useQuery({ queryKey: [...key, 'one', id], queryFn: () => api.get<ServiceRequest>(`/api/services/requests/${id}`) });
}

export function useCategories() {
  return useQuery({ queryKey: [...key, 'categories'], queryFn: () => api.get<{ items: ServiceCategory[] }>('/api/services/categories') });
}

export function useStats(year: number, quarter?: number) {
  return useQuery({
    queryKey: [...key, 'stats', year, quarter],
    queryFn: () => api.get<{ from: string; to: string; items: UnitStats[] }>(`/api/services/stats${toQuery({ year, quarter })}`),
  });
}

export function useAccounts(query: object) {
  return useQuery({
    queryKey: [...key, 'accounts', query],
    queryFn: () => api.get<Page<FirmAccount>>(`/api/services/accounts${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
}

/** The units a part may be handed to (every active staff unit, whatever the caller's unit scope). */
export function useHandoverUnits() {
  return useQuery({
    queryKey: [...key, 'handover-units'],
    queryFn: () => api.get<{ items: { id: number; nameZh: string; nameEn: string; kind: string }[] }>('/api/services/handover-units'),
    staleTime: 5 * 60_000,
  });
}

/** The firm's own profile (an enterprise account reads its firm only). */
export function useOwnEnterprise(id: number | undefined) {
  return useQuery({ queryKey: [...key, 'firm', id], queryFn: () => api.get<Enterprise>(`/api/enterprises/${id}`), enabled: !!id });
}

export { useFirmSearch } from '../../lib/firms';

/** Any write to a request changes the lists, the statistics and tasks: refresh them all. */
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

export const useCreateRequest = () =>
  useWrite((body: { enterpriseId?: number; channel?: string; categoryId: number; title: string; content: string }) =>
    api.post<ServiceRequest>('/api/services/requests', body),
  );
export const useNote = (id: number) => useWrite((text: string) => api.post<ServiceRequest>(`/api/services/requests/${id}/notes`, { text }));
export const useTransfer = (id: number) =>
  useWrite((body: { unitId: number; reason: string; workingDays: number }) => api.post<ServiceRequest>(`/api/services/requests/${id}/parts`, body));
export const usePartReply = (id: number) =>
  useWrite(({ partId, text }: { partId: number; text: string }) => api.post<ServiceRequest>(`/api/services/requests/${id}/parts/${partId}/reply`, { text }));
export const useReply = (id: number) => useWrite((text: string) => api.post<ServiceRequest>(`/api/services/requests/${id}/reply`, { text }));
export const useRate = (id: number) =>
  useWrite((body: { rating: string; comment: string }) => api.post<ServiceRequest>(`/api/services/requests/${id}/rating`, body));
export const useComment = (id: number) => useWrite((text: string) => api.post<ServiceRequest>(`/api/services/requests/${id}/comments`, { text }));
export const useSaveCategory = () =>
  useWrite(({ id, ...body }: { id?: number; code?: string; nameZh?: string; nameEn?: string; limitDays?: number; active?: boolean }) =>
    id ? api.patch<ServiceCategory>(`/api/services/categories/${id}`, body) : api.post<ServiceCategory>('/api/services/categories', body),
  );
export const useCreateAccount = () =>
  useWrite((body: { enterpriseId: number; username: string; displayName: string; phone: string | null }) =>
    api.post<FirmAccount & { temporaryPassword: string }>('/api/services/accounts', body),
  );

export interface CommitmentFilters {
  q?: string;
  kind?: string;
  age?: string;
  settled?: string;
}

export function useCommitments(query: object) {
  return useQuery({
    queryKey: [...key, 'commitments', query],
    queryFn: () => api.get<Page<Commitment>>(`/api/services/commitments${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function useCommitmentSummary(enabled: boolean) {
  return useQuery({
    queryKey: [...key, 'commitments', 'summary'],
    queryFn: () =>
      api.get<{ items: { unit: { id: number; nameZh: string; nameEn: string }; count: number; outstandingFen: number; byAge: Record<string, number> }[] }>(
        '/api/services/commitments/summary',
      ),
    enabled,
  });
}

export const useCreateCommitment = () =>
  useWrite((body: { enterpriseId: number; kind: string; title: string; basis: string; responsibleUnitId: number; amountDueFen: number; dueDate: string }) =>
    api.post<Commitment>('/api/services/commitments', body),
  );
export const usePayment = () =>
  useWrite(({ id, ...body }: { id: number; paidDate: string; amountFen: number; note: string }) =>
    api.post<Commitment>(`/api/services/commitments/${id}/payments`, body),
  );

// Self-registration, profile corrections, requests lifted to a 调度会.
export function useRegistrationTownships() {
  return useQuery({
    queryKey: [...key, 'registration-townships'],
    queryFn: () => api.get<{ items: { id: number; nameZh: string; nameEn: string }[] }>('/api/services/registration/townships'),
  });
}
export const useRegister = () => useMutation({ mutationFn: (body: object) => api.post<{ id: number }>('/api/services/registrations', body) });
export function useRegistrations(query: object) {
  return useQuery({
    queryKey: [...key, 'registrations', query],
    queryFn: () => api.get<Page<Registration>>(`/api/services/registrations${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
}
export const useConfirmRegistration = () =>
  useWrite(({ id, ...body }: { id: number; industryCode?: string; address?: string }) =>
    api.post<Registration>(`/api/services/registrations/${id}/confirm`, body),
  );
export const useRefuseRegistration = () =>
  useWrite(({ id, reason }: { id: number; reason: string }) => api.post<Registration>(`/api/services/registrations/${id}/refuse`, { reason }));
export function useCorrections(query: object) {
  return useQuery({
    queryKey: [...key, 'corrections', query],
    queryFn: () => api.get<Page<Correction>>(`/api/services/corrections${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
}
export const useProposeCorrection = () =>
  useWrite((body: { changes: Record<string, unknown>; note: string }) => api.post<Correction>('/api/services/corrections', body));
export const useAcceptCorrection = () => useWrite((id: number) => api.post<Correction>(`/api/services/corrections/${id}/accept`));
export const useRefuseCorrection = () =>
  useWrite(({ id, reason }: { id: number; reason: string }) => api.post<Correction>(`/api/services/corrections/${id}/refuse`, { reason }));
export const useLift = (id: number) => useWrite((reason: string) => api.post<ServiceRequest>(`/api/services/requests/${id}/lift`, { reason }));
export const useScheduleLift = (id: number) =>
  useWrite((meetingId: number) => api.post<ServiceRequest>(`/api/services/requests/${id}/lift/meeting`, { meetingId }));
export const useDecideLift = (id: number) =>
  useWrite((body: { text: string; ownerUnitId: number; dueDate: string }) => api.post<ServiceRequest>(`/api/services/requests/${id}/lift/decision`, body));
export function useDispatchMeetings(enabled: boolean) {
  return useQuery({
    queryKey: [...key, 'dispatch-meetings'],
    queryFn: () => api.get<{ items: { id: number; title: string; meetingDate: string; status: string }[] }>('/api/services/dispatch-meetings'),
    enabled,
  });
}
