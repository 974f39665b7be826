import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/list';
import type { Meeting, MeetingListItem } from '../../../shared/modules/meetings.schemas';
import { api, toQuery } from '../../lib/api';

export interface MeetingFilters {
  kind?: string;
  q?: string;
  from?: string;
  to?: string;
}

export interface NewMeeting {
  kind: string;
  title: string;
  meetingDate: string;
  location: string;
  convener: string;
  attendees: string;
  unitIds: number[];
  agenda: string;
  minutes: string;
  decisions: { text: string; ownerUnitId: number; dueDate: string }[];
}

const meetingsKey = ['meetings'] as const;

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
