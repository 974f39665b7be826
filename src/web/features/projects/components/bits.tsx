import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Milestone, ProjectListItem } from '../../../../shared/modules/projects.schemas';
import type { UnitKind } from '../../../../shared/permissions';
import { useLocalName } from '../../../lib/names';
import { useUnits } from '../../../lib/units';

/** The project colours, the same as the warning levels of the indicators. */
export const COLOURS: Record<ProjectListItem['colour'], string> = { green: '#389e0d', yellow: '#d48806', red: '#cf1322' };
const TAG: Record<ProjectListItem['colour'], string> = { green: 'success', yellow: 'warning', red: 'error' };

/** A project's colour as a tag with its name (colour is never the only sign). */
export function ColourTag({ colour }: { colour: ProjectListItem['colour'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={TAG[colour]} data-testid={`colour-${colour}`}>
      {t(`projects.colours.${colour}`)}
    </Tag>
  );
}

const STATE_TAG: Record<Milestone['state'], string> = { pending: 'default', due_soon: 'gold', overdue: 'error', met: 'success', met_late: 'warning' };

export function MilestoneStateTag({ state }: { state: Milestone['state'] }) {
  const { t } = useTranslation();
  return <Tag color={STATE_TAG[state]}>{t(`projects.milestoneStates.${state}`)}</Tag>;
}

/** Select options of the active units of some kinds, by name in the UI language. */
export function useUnitOptions(kinds: UnitKind[]) {
  const localName = useLocalName();
  const units = useUnits();
  return (units.data ?? [])
    .filter((u) => kinds.includes(u.kind as UnitKind) && u.active)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((u) => ({ value: u.id, label: localName(u) }));
}
