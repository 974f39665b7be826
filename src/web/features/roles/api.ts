import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { createRoleBody, Role } from '../../../shared/modules/admin.schemas';
import type { AdminFamily } from '../../../shared/permissions';
import type { z } from 'zod';
import { api } from '../../lib/api';
import { rolesKey } from '../../lib/roles';

export interface PermissionInfo {
  code: string;
  family: AdminFamily | null;
}

/** The permission catalogue as the server knows it (business modules add to it). */
export function usePermissions() {
  return useQuery({
    queryKey: ['permissions'],
    queryFn: () => api.get<PermissionInfo[]>('/api/permissions'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export type RoleValues = z.input<typeof createRoleBody>;

/** Creates a role, or changes one when `id` is given (the code never changes). */
export function useSaveRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, values: { code, ...rest } }: { id?: number; values: RoleValues }) =>
      id === undefined ? api.post<Role>('/api/roles', { code, ...rest }) : api.patch<Role>(`/api/roles/${id}`, rest),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rolesKey }),
  });
}

/** Deletes a role that is neither built in nor held by anyone. */
export function useDeleteRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/roles/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rolesKey }),
  });
}
