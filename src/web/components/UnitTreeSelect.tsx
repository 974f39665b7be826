import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalName } from '../lib/names';
import { buildUnitTree, type UnitNode, useUnits } from '../lib/units';

interface TreeOption {
  value: number;
  title: string;
  disabled: boolean;
  children: TreeOption[];
}

type Props = Omit<TreeSelectProps<number | number[]>, 'treeData' | 'loading'> & {
  /** Let disabled units be picked (filters over existing records); otherwise they show but cannot be chosen. */
  allowInactive?: boolean;
};

/** Picks one or several units from the organisation tree. */
export function UnitTreeSelect({ allowInactive = false, ...props }: Props) {
  const { t } = useTranslation();
  const localName = useLocalName();
  // Always the whole list: one cached query serves every picker, and a record's disabled unit still shows its name.
  const units = useUnits({ includeInactive: true });
  const treeData = useMemo(() => {
    const toOption = ({ unit, children }: UnitNode): TreeOption => ({
      value: unit.id,
      title: unit.active ? localName(unit) : `${localName(unit)}（${t('common.inactive')}）`,
      disabled: !unit.active && !allowInactive,
      children: children.map(toOption),
    });
    return buildUnitTree(units.data ?? []).map(toOption);
  }, [units.data, localName, t, allowInactive]);
  return (
    <TreeSelect
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      allowClear
      placeholder={t('common.selectUnit')}
      popupMatchSelectWidth={false}
      // Inside the field's own box the popup scrolls with a dialog or drawer instead of drifting from it.
      getPopupContainer={(trigger) => trigger.parentElement ?? document.body}
      {...props}
      loading={units.isLoading}
      // Not usable until the units arrive: a search typed into an empty tree never expands to later matches.
      // Undefined, not false, once loaded, so a disabled form still disables it.
      disabled={units.data ? props.disabled : true}
      treeData={treeData}
    />
  );
}
