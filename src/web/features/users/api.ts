import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { createUserBody, updateUserBody, User } from '../../../shared/modules/admin.schemas';
import type { Page } from '../../../shared/list';
import type { z } from 'zod';
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

export type NewUser = z.input<typeof createUserBody>;

export type UserChanges = z.input<typeof updateUserBody>;

/** A created user with the one-time password to hand over, shown once. */
export type CreatedUser = User & { temporaryPassword?: string };

/** Creates a user (without roles: the security administrator grants them), or changes one when `id` is given. */
export function useSaveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: number; changes: UserChanges } | { user: NewUser }): Promise<CreatedUser> =>
      'user' in input ? api.post<CreatedUser>('/api/users', input.user) : api.patch<User>(`/api/users/${input.id}`, input.changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

/** Sets a user's roles (security administrator). */
export function useSetUserRoles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: number; roleIds: number[] }) => api.put<User>(`/api/users/${input.id}/roles`, { roleIds: input.roleIds }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

/** Gives a user a one-time password, shown once; the user and their unit are told. */
export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<{ temporaryPassword: string }>(`/api/users/${id}/reset-password`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

/** Forgets a user's second factor (lost phone): their sessions end; an administrator enrols again at the next sign-in. */
export function useResetMfa() {
  return useMutation({ mutationFn: (id: number) => api.post(`/api/users/${id}/mfa/reset`) });
}
