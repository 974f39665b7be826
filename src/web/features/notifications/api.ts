import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/list';
import type { Notification } from '../../../shared/modules/notifications.schemas';
import { api, toQuery } from '../../lib/api';

export const notificationsKey = ['notifications'] as const;

/** The unread count for the header's bell, refreshed every minute and whenever the window regains focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...notificationsKey, 'unread'],
    queryFn: () => api.get<{ unread: number }>('/api/notifications/unread-count'),
    refetchInterval: 60_000,
  });
}

/** One page of the inbox. */
export function useNotifications(query: object) {
  return useQuery({
    queryKey: [...notificationsKey, 'list', query],
    queryFn: () => api.get<Page<Notification>>(`/api/notifications${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
}

/** Marks one notice read, or all of them when no id is given. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id?: number) => api.post(id === undefined ? '/api/notifications/read-all' : `/api/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
