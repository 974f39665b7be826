import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/list';
import type { createTaskBody, Task, TaskDetail } from '../../../shared/modules/tasks.schemas';
import type { z } from 'zod';
import { api, toQuery } from '../../lib/api';
import { notificationsKey } from '../notifications';

export interface TaskFilters {
  q?: string;
  status?: string;
  state?: string;
  unitId?: number;
  type?: string;
  dueFrom?: string;
  dueTo?: string;
}

const tasksKey = ['tasks'] as const;

/** One page of tasks in a view (mine, my unit's, all). */
export function useTasks(query: object) {
  return useQuery({
    queryKey: [...tasksKey, 'list', query],
    queryFn: () => api.get<Page<Task>>(`/api/tasks${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
}

/** A task with its timeline. */
export function useTask(id: number) {
  return useQuery({ queryKey: [...tasksKey, 'one', id], queryFn: () => api.get<TaskDetail>(`/api/tasks/${id}`) });
}

export type NewTask = z.input<typeof createTaskBody>;

function useTaskMutation<I>(fn: (input: I) => Promise<TaskDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (task) => {
      queryClient.setQueryData([...tasksKey, 'one', task.id], task);
      void queryClient.invalidateQueries({ queryKey: [...tasksKey, 'list'] });
      // Acting on a task may have produced notices for the user too.
      void queryClient.invalidateQueries({ queryKey: notificationsKey });
    },
  });
}

/** The office assigns an ad-hoc task. */
export const useCreateTask = () => useTaskMutation((task: NewTask) => api.post<TaskDetail>('/api/tasks', task));

/** Start, submit, accept, return or cancel. */
export const useTransitionTask = () =>
  useTaskMutation(({ id, action, reason }: { id: number; action: string; reason?: string }) =>
    api.post<TaskDetail>(`/api/tasks/${id}/transitions`, { action, ...(reason ? { reason } : {}) }),
  );

/** Adds a comment to the timeline. */
export const useCommentTask = () =>
  useTaskMutation(({ id, text }: { id: number; text: string }) => api.post<TaskDetail>(`/api/tasks/${id}/comments`, { text }));

/** The users of the owner unit the task may be assigned to. */
export function useAssignableUsers(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...tasksKey, 'assignable', id],
    queryFn: () => api.get<{ id: number; displayName: string }[]>(`/api/tasks/${id}/assignable-users`),
    enabled,
  });
}

/** Names or clears the assignee. */
export const useAssignTask = () =>
  useTaskMutation(({ id, assigneeUserId }: { id: number; assigneeUserId: number | null }) =>
    api.put<TaskDetail>(`/api/tasks/${id}/assignee`, { assigneeUserId }),
  );
