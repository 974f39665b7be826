import { useQuery } from '@tanstack/react-query';
import type { Unit } from '../../shared/modules/admin.schemas';
import type { UnitKind } from '../../shared/permissions';
import { api, toQuery } from './api';

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

export interface UnitFilter {
  kind?: UnitKind;
  q?: string;
  includeInactive?: boolean;
}

export const unitsKey = ['units'] as const;

/** The flat unit list; the tree is built here, not on the server. */
export function useUnits(filter: UnitFilter = {}, enabled = true) {
  return useQuery({
    queryKey: [...unitsKey, filter],
    queryFn: () => api.get<Unit[]>(`/api/units${toQuery({ ...filter })}`),
    staleTime: 60_000,
    enabled,
  });
}

/** Nests units by parentId, siblings by sortOrder; a unit whose parent is not in the list becomes a root. */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map(units.map((unit) => [unit.id, { unit, children: [] as UnitNode[] }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId === null ? undefined : nodes.get(node.unit.parentId);
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => a.unit.sortOrder - b.unit.sortOrder || a.unit.id - b.unit.id);
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}
