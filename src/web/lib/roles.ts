import { useQuery } from '@tanstack/react-query';
import type { Role } from '../../shared/modules/admin.schemas';
import { api } from './api';

export const rolesKey = ['roles'] as const;

/** All roles; needs `role:read`. */
export function useRoles(enabled = true) {
  return useQuery({ queryKey: rolesKey, queryFn: () => api.get<Role[]>('/api/roles'), staleTime: 60_000, enabled });
}
