import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '../../shared/list';
import { api, toQuery } from './api';

/**
 * Firms searched by name within the caller's directory scope: the picker behind "for which firm" in every module
 * (a request, a need, an application, an officer's assignment).
 */
export function useFirmSearch(q: string, { enabled = true, pageSize = 20 }: { enabled?: boolean; pageSize?: number } = {}) {
  return useQuery({
    queryKey: ['enterprises', 'firm-search', q, pageSize],
    queryFn: () => api.get<Page<{ id: number; name: string }>>(`/api/enterprises${toQuery({ q: q || undefined, pageSize })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}
