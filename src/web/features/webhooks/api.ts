import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/list';
import type { createWebhookBody, Delivery, Webhook } from '../../../shared/modules/notifications.schemas';
import type { z } from 'zod';
import { api, toQuery } from '../../lib/api';

const webhooksKey = ['webhooks'] as const;

/** One page of webhooks. */
export function useWebhooks(query: object) {
  return useQuery({
    queryKey: [...webhooksKey, 'list', query],
    queryFn: () => api.get<Page<Webhook>>(`/api/webhooks${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
}

/** One page of the delivery queue, refreshed while the page is open so retries show up. */
export function useDeliveries(query: object) {
  return useQuery({
    queryKey: [...webhooksKey, 'deliveries', query],
    queryFn: () => api.get<Page<Delivery>>(`/api/webhooks/deliveries${toQuery(query)}`),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

export type WebhookInput = z.input<typeof createWebhookBody>;

/** Adds a webhook, or changes one when `id` is given. */
export function useSaveWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: number; values: Partial<WebhookInput> }) =>
      input.id ? api.patch<Webhook>(`/api/webhooks/${input.id}`, input.values) : api.post<Webhook>('/api/webhooks', input.values),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
}

/** Sends a test message now. */
export function useTestWebhook() {
  return useMutation({ mutationFn: (id: number) => api.post<{ ok: boolean; error: string | null }>(`/api/webhooks/${id}/test`) });
}

const settingsKey = ['settings', 'webhooks'] as const;

/** The hosts a webhook may reach although they are loopback, private or link-local. */
export function useWebhookSettings(enabled: boolean) {
  return useQuery({ queryKey: settingsKey, queryFn: () => api.get<{ allowedHosts: string[] }>('/api/settings/webhooks'), enabled });
}

/** Replaces the allowed hosts. */
export function useSaveWebhookSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (allowedHosts: string[]) => api.put<{ allowedHosts: string[] }>('/api/settings/webhooks', { allowedHosts }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKey }),
  });
}
