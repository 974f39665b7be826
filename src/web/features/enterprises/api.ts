import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { createEnterpriseBody, Enterprise } from '../../../shared/modules/enterprises.schemas';
import type { Page } from '../../../shared/list';
import type { z } from 'zod';
import { api, toQuery } from '../../lib/api';

export interface EnterpriseFilters {
  q?: string;
  townshipUnitId?: number;
  industryCode?: string;
  chainUnitId?: number;
  aboveScale?: 'true' | 'false';
  highTech?: 'true' | 'false';
  smeTier?: Enterprise['smeTier'];
}

export const enterprisesKey = ['enterprises'] as const;

/** One page of firms. */
export function useEnterprises(query: object) {
  return useQuery({
    queryKey: [...enterprisesKey, query],
    queryFn: () => api.get<Page<Enterprise>>(`/api/enterprises${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
}

/** One firm's profile. */
export function useEnterprise(id: number) {
  return useQuery({ queryKey: [...enterprisesKey, id], queryFn: () => api.get<Enterprise>(`/api/enterprises/${id}`) });
}

export type EnterpriseInput = z.input<typeof createEnterpriseBody>;

/** Files a firm, or edits one when `id` is given. */
export function useSaveEnterprise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: number; input: Partial<EnterpriseInput> }) =>
      id ? api.patch<Enterprise>(`/api/enterprises/${id}`, input) : api.post<Enterprise>('/api/enterprises', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: enterprisesKey }),
  });
}
