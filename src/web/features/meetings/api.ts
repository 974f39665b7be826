import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/list';
import type {
  createMeetingBody,
  Meeting,
  meetingDecisionBody,
  MeetingListItem,
  MeetingSchedule,
  meetingScheduleBody,
  updateMeetingBody,
} from '../../../shared/modules/meetings.schemas';
import type { z } from 'zod';
import { api, toQuery } from '../../lib/api';

export interface MeetingFilters {
  kind?: string;
  status?: string;
  q?: string;
  from?: string;
  to?: string;
}

export type NewMeeting = z.input<typeof createMeetingBody>;

export type NewDecision = z.input<typeof meetingDecisionBody>;

export type MeetingPatch = z.input<typeof updateMeetingBody>;

export type ScheduleBody = z.input<typeof meetingScheduleBody>;

const meetingsKey = ['meetings'] as const;
const schedulesKey = ['meeting-schedules'] as const;

export function useMeetings(query: object) {
  return useQuery({
    queryKey: [...meetingsKey, 'list', query],
    queryFn: () => api.get<Page<MeetingListItem>>(`/api/meetings${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function useMeeting(id: number) {
  return useQuery({ queryKey: [...meetingsKey, 'one', id], queryFn: () => api.get<Meeting>(`/api/meetings/${id}`) });
}

/** Records a meeting; its decisions become tasks, so the task lists are refreshed too. */
export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewMeeting) => api.post<Meeting>('/api/meetings', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: meetingsKey });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

/** Edits a meeting; new decisions become tasks. */
export function useUpdateMeeting(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MeetingPatch) => api.patch<Meeting>(`/api/meetings/${id}`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: meetingsKey });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

export function useMeetingSchedules(enabled: boolean) {
  return useQuery({
    queryKey: schedulesKey,
    queryFn: () => api.get<{ items: MeetingSchedule[] }>('/api/meeting-schedules'),
    enabled,
  });
}

/** Adds a schedule, or replaces the settings of the one with this id. */
export function useSaveSchedule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: ScheduleBody }) =>
      id === undefined ? api.post<MeetingSchedule>('/api/meeting-schedules', body) : api.put<MeetingSchedule>(`/api/meeting-schedules/${id}`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: schedulesKey }),
  });
}
