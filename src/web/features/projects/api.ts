import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '../../../shared/list';
import type {
  CreateProjectBody,
  GanttPage,
  LeadersView,
  Project,
  ProjectBoard,
  ProjectListItem,
  UpdateProjectBody,
} from '../../../shared/modules/projects.schemas';
import { api, toQuery } from '../../lib/api';

export interface ProjectFilters {
  library?: string;
  type?: string;
  stage?: string;
  townshipUnitId?: number;
  chainUnitId?: number;
  leaderUserId?: number;
  colour?: string;
  q?: string;
}

const key = ['projects'] as const;

export function useProjects(query: object) {
  return useQuery({
    queryKey: [...key, 'list', query],
    queryFn: () => api.get<Page<ProjectListItem>>(`/api/projects${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: number) {
  return useQuery({ queryKey: [...key, 'one', id], queryFn: () => api.get<Project>(`/api/projects/${id}`) });
}

export function useBoard(filters: ProjectFilters) {
  return useQuery({
    queryKey: [...key, 'board', filters],
    queryFn: () => api.get<ProjectBoard>(`/api/projects/board${toQuery(filters)}`),
    placeholderData: keepPreviousData,
  });
}

export function useGantt(query: object) {
  return useQuery({
    queryKey: [...key, 'gantt', query],
    queryFn: () => api.get<GanttPage>(`/api/projects/gantt${toQuery(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function useLeaders(filters: ProjectFilters) {
  return useQuery({ queryKey: [...key, 'leaders', filters], queryFn: () => api.get<LeadersView>(`/api/projects/leaders${toQuery(filters)}`) });
}

export function useLeaderUsers() {
  return useQuery({
    queryKey: [...key, 'leader-users'],
    queryFn: () => api.get<{ items: { id: number; displayName: string }[] }>('/api/projects/leader-users'),
    staleTime: 5 * 60_000,
  });
}

/** Any write to a project changes lists, the board and tasks: refresh them all. */
function useWrite<V>(fn: (v: V) => Promise<Project>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

export const useCreateProject = () => useWrite((body: CreateProjectBody) => api.post<Project>('/api/projects', body));
export const useUpdateProject = (id: number) => useWrite((body: UpdateProjectBody) => api.patch<Project>(`/api/projects/${id}`, body));
export const useReportInvestment = (id: number) =>
  useWrite(({ month, ...body }: { month: string; completedFen: number; progressText: string }) =>
    api.put<Project>(`/api/projects/${id}/investments/${month}`, body),
  );
export const useUpdateMilestone = (id: number) =>
  useWrite(({ milestoneId, ...body }: { milestoneId: number; metDate?: string | null; note?: string; dueDate?: string; ownerUnitId?: number }) =>
    api.patch<Project>(`/api/projects/${id}/milestones/${milestoneId}`, body),
  );
export const useAddMilestone = (id: number) =>
  useWrite((body: { name: string; ownerUnitId: number; dueDate: string }) => api.post<Project>(`/api/projects/${id}/milestones`, body));
