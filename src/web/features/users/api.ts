import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User } from '../../../shared/modules/admin.schemas';
import type { Page } from '../../../shared/list';
import { api, toQuery } from '../../lib/api';

export interface UserFilters {
  q?: string;
  unitId?: number;
  roleCode?: string;
  active?: 'true' | 'false';
}

const usersKey = ['users'] as const;

/** One page of users. */
export function useUsers(query: object) {
  return useQuery({
    queryKey: [...usersKey, query],
    queryFn: () => api.get<Page<User>>(`/api/users${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
}

export interface NewUser {
  username: string;
  displayName: string;
  phone: string | null;
  unitId: number;
  roleIds: number[];
  password: string;
}

export type UserChanges = Partial<Pick<NewUser, 'displayName' | 'phone' | 'unitId' | 'roleIds'> & { active: boolean }>;

/** Creates a user, or changes one when `id` is given. */
export function useSaveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: number; changes: UserChanges } | { user: NewUser }) =>
      'user' in input ? api.post<User>('/api/users', input.user) : api.patch<User>(`/api/users/${input.id}`, input.changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

/** Gives a user a temporary password, shown once. */
export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<{ temporaryPassword: string }>(`/api/users/${id}/reset-password`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}
