import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { createUnitBody, Unit } from '../../../shared/modules/admin.schemas';
import type { z } from 'zod';
import { api } from '../../lib/api';
import { unitsKey } from '../../lib/units';

export type UnitValues = z.input<typeof createUnitBody>;

/** Creates a unit, or changes one when `id` is given. */
export function useSaveUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, values }: { id?: number; values: Partial<UnitValues> & { active?: boolean } }) =>
      id === undefined ? api.post<Unit>('/api/units', values) : api.patch<Unit>(`/api/units/${id}`, values),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitsKey }),
  });
}
