import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FirmMonitoring, FlaggedFirm } from '../../../shared/modules/monitoring.schemas';
import type { Page } from '../../../shared/list';
import type { MonitoringThresholds } from '../../../shared/rules/monitoring-flags';
import { api, toQuery } from '../../lib/api';

export interface MonitoringFilters {
  month?: string;
  flag?: string;
  townshipUnitId?: number;
  chainUnitId?: number;
  q?: string;
}

export type FlagPage = Page<FlaggedFirm> & { month: string; counts: { decline: number; stopped: number; half_stopped: number } };

const key = ['monitoring'] as const;

export function useFlagged(query: object) {
  return useQuery({
    queryKey: [...key, 'flags', query],
    queryFn: () => api.get<FlagPage>(`/api/monitoring/flags${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function useFirmMonitoring(id: number) {
  return useQuery({ queryKey: [...key, 'firm', id], queryFn: () => api.get<FirmMonitoring>(`/api/monitoring/firms/${id}`) });
}

export function useThresholds() {
  return useQuery({ queryKey: [...key, 'settings'], queryFn: () => api.get<MonitoringThresholds>('/api/monitoring/settings') });
}

export function useSaveThresholds() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MonitoringThresholds) => api.put<MonitoringThresholds>('/api/monitoring/settings', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
}
