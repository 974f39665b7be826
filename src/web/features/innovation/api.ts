import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/list';
import type { CreateEntryBody, InnovationEntry, InnovationEntryDetail, InnovationTargets, StageBody } from '../../../shared/modules/innovation.schemas';
import { api, toQuery } from '../../lib/api';

const key = ['innovation'] as const;

export interface EntryFilters {
  q?: string;
  stage?: string;
  townshipUnitId?: number;
  year?: number;
  certStatus?: string;
}
export interface InnovationFirm {
  id: number;
  name: string;
  township: { id: number; nameZh: string; nameEn: string };
}

export const useEntries = (query: object) =>
  useQuery({
    queryKey: [...key, 'entries', query],
    queryFn: () => api.get<Page<InnovationEntry>>(`/api/innovation/entries${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
export const useEntry = (id: number | null) =>
  useQuery({ queryKey: [...key, 'entry', id], queryFn: () => api.get<InnovationEntryDetail>(`/api/innovation/entries/${id}`), enabled: id !== null });
export const useTargets = (year: number, enabled = true) =>
  useQuery({ queryKey: [...key, 'targets', year], queryFn: () => api.get<InnovationTargets>(`/api/innovation/targets${toQuery({ year })}`), enabled });
export const useInnovationFirms = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: [...key, 'firms', q],
    queryFn: () => api.get<{ items: InnovationFirm[] }>(`/api/innovation/firms${toQuery({ q: q || undefined })}`),
    enabled,
    placeholderData: keepPreviousData,
  });

/** A write changes lists, targets and the firm's profile: refresh them. */
function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: ['enterprises'] });
    },
  });
}
export const useChangeStage = () =>
  useWrite(({ id, ...body }: Partial<StageBody> & { id: number; stage: string; changedOn: string }) =>
    api.post<InnovationEntryDetail>(`/api/innovation/entries/${id}/stage`, body),
  );
export const useCreateEntry = () => useWrite((body: Partial<CreateEntryBody>) => api.post<InnovationEntryDetail>('/api/innovation/entries', body));

export const useSaveTargets = (year: number) =>
  useWrite((items: { pipeline: string; stage: string; target: number }[]) => api.put<InnovationTargets>(`/api/innovation/targets/${year}`, { items }));
