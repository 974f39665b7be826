import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/list';
import type {
  Chain,
  ChainGraph,
  ChainListItem,
  ChainOptions,
  ConvertLeadBody,
  CreateChainBody,
  CreateLeadBody,
  Lead,
  LeadListItem,
  Scoreboard,
  SegmentBody,
  UpdateLeadBody,
} from '../../../shared/modules/chains.schemas';
import type { AttractionSettings } from '../../../shared/rules/chains-attraction';
import { api, toQuery } from '../../lib/api';

export interface ChainFilters {
  groupUnitId?: number;
  weak?: boolean;
  q?: string;
}
export interface LeadFilters {
  chainId?: number;
  teamUnitId?: number;
  stage?: string;
  source?: string;
  stalled?: boolean;
  q?: string;
}

const key = ['chains'] as const;

export const useChains = (query: object) =>
  useQuery({
    queryKey: [...key, 'list', query],
    queryFn: () => api.get<Page<ChainListItem>>(`/api/chains${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
export const useChain = (id: number) => useQuery({ queryKey: [...key, 'one', id], queryFn: () => api.get<Chain>(`/api/chains/${id}`) });
export const useChainGraph = () => useQuery({ queryKey: [...key, 'graph'], queryFn: () => api.get<ChainGraph>('/api/chains/graph') });
export const useChainOptions = () =>
  useQuery({ queryKey: [...key, 'options'], queryFn: () => api.get<ChainOptions>('/api/chains/options'), staleTime: 60_000 });
export const useLeads = (query: object) =>
  useQuery({
    queryKey: [...key, 'leads', query],
    queryFn: () => api.get<Page<LeadListItem>>(`/api/leads${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
export const useLead = (id: number) => useQuery({ queryKey: [...key, 'lead', id], queryFn: () => api.get<Lead>(`/api/leads/${id}`) });
export const useScoreboard = (year: number) =>
  useQuery({ queryKey: [...key, 'scoreboard', year], queryFn: () => api.get<Scoreboard>(`/api/leads/scoreboard${toQuery({ year })}`) });

/** Any write changes chains, leads, the scoreboard, tasks and maybe the project library: refresh them all. */
function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}

export const useSaveChain = (id?: number) =>
  useWrite((body: CreateChainBody) => (id ? api.patch<Chain>(`/api/chains/${id}`, body) : api.post<Chain>('/api/chains', body)));
export const useSaveSegment = (chainId: number) =>
  useWrite(({ segmentId, ...body }: SegmentBody & { segmentId?: number }) =>
    segmentId ? api.put<Chain>(`/api/chains/${chainId}/segments/${segmentId}`, body) : api.post<Chain>(`/api/chains/${chainId}/segments`, body),
  );
export const useDeleteSegment = (chainId: number) => useWrite((segmentId: number) => api.delete(`/api/chains/${chainId}/segments/${segmentId}`));
export const useAddLink = (chainId: number) =>
  useWrite((body: { kind: string; toChainId: number | null; outsideName: string; note: string }) => api.post<Chain>(`/api/chains/${chainId}/links`, body));
export const useDeleteLink = (chainId: number) => useWrite((linkId: number) => api.delete(`/api/chains/${chainId}/links/${linkId}`));
export const useSetMembers = (chainId: number) =>
  useWrite((members: { unitId: number; name: string; position: string; role: string }[]) => api.put<Chain>(`/api/chains/${chainId}/members`, { members }));
export const useCreateLead = () => useWrite((body: Partial<CreateLeadBody>) => api.post<Lead>('/api/leads', body));
export const useUpdateLead = (id: number) => useWrite((body: UpdateLeadBody) => api.patch<Lead>(`/api/leads/${id}`, body));
export const useMoveStage = (id: number) =>
  useWrite((body: { stage: string; date?: string; contractInvestmentFen?: number; note?: string }) => api.post<Lead>(`/api/leads/${id}/stage`, body));
export const useNextStep = (id: number) => useWrite((body: { nextStep: string; nextStepDate: string }) => api.post<Lead>(`/api/leads/${id}/next-step`, body));
export const useConvertLead = (id: number) => useWrite((body: Partial<ConvertLeadBody>) => api.post<Lead>(`/api/leads/${id}/project`, body));
export const useSaveSettings = () => useWrite((body: AttractionSettings) => api.put<AttractionSettings>('/api/chains/settings', body));
