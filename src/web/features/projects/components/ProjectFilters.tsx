import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { PROJECT_COLOURS, PROJECT_LIBRARIES, PROJECT_STAGES, PROJECT_TYPES } from '../../../../shared/modules/projects.schemas';
import { FilterBar } from '../../../components/FilterBar';
import { type ProjectFilters as Filters, useLeaderUsers } from '../api';
import { useUnitOptions } from './bits';
import { EnumSelect } from '../../../components/EnumSelect';

/** The filters every project view shares: library, type, stage, township, chain, leader, colour and a search. */
export function ProjectFilters({ onSearch, omit = [] }: { onSearch: (f: Filters) => void; omit?: (keyof Filters)[] }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Filters>();
  const leaders = useLeaderUsers();
  const townships = useUnitOptions(['township']);
  const chains = useUnitOptions(['industry_group']);
  const show = (k: keyof Filters) => !omit.includes(k);
  const w = { width: 140 };
  return (
    <FilterBar form={form} onSearch={onSearch} testId="project-filters">
      {show('q') && (
        <Form.Item name="q">
          <Input allowClear placeholder={t('projects.searchPlaceholder')} style={{ width: 180 }} />
        </Form.Item>
      )}
      <Form.Item name="library">
        <EnumSelect allowClear placeholder={t('projects.library')} style={w} values={PROJECT_LIBRARIES} label={(v) => t(`projects.libraries.${v}`)} />
      </Form.Item>
      <Form.Item name="type">
        <EnumSelect allowClear placeholder={t('projects.type')} style={w} values={PROJECT_TYPES} label={(v) => t(`projects.types.${v}`)} />
      </Form.Item>
      {show('stage') && (
        <Form.Item name="stage">
          <EnumSelect allowClear placeholder={t('projects.stage')} style={w} values={PROJECT_STAGES} label={(v) => t(`projects.stages.${v}`)} />
        </Form.Item>
      )}
      <Form.Item name="townshipUnitId">
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('projects.township')} style={w} options={townships} />
      </Form.Item>
      <Form.Item name="chainUnitId">
        <Select allowClear placeholder={t('projects.chain')} style={{ width: 180 }} options={chains} />
      </Form.Item>
      {show('leaderUserId') && (
        <Form.Item name="leaderUserId">
          <Select
            allowClear
            placeholder={t('projects.leader')}
            style={w}
            options={(leaders.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          />
        </Form.Item>
      )}
      <Form.Item name="colour">
        <EnumSelect
          allowClear
          placeholder={t('projects.colour')}
          style={{ width: 110 }}
          values={PROJECT_COLOURS}
          label={(v) => t(`projects.colours.${v}`)}
          data-testid="filter-colour"
        />
      </Form.Item>
    </FilterBar>
  );
}
