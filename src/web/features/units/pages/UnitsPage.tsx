import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Input, Row, Select, Spin, Switch, Tag, Tree, type TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../shared/modules/admin.schemas';
import { UNIT_KINDS, type UnitKind } from '../../../../shared/permissions';
import { PageContainer } from '../../../components/PageContainer';
import { useCan } from '../../../lib/auth';
import { useLocalName } from '../../../lib/names';
import { buildUnitTree, type UnitNode, useUnits } from '../../../lib/units';
import { UnitDetail } from '../components/UnitDetail';
import { UnitFormModal } from '../components/UnitFormModal';

type Editing = { unit: Unit } | { parentId: number | null };

/** 组织机构: the unit tree with one unit's details beside it. */
export function UnitsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const localName = useLocalName();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<UnitKind>();
  const [includeInactive, setIncludeInactive] = useState(true);
  const units = useUnits({ q: q || undefined, kind, includeInactive });
  // Parents may fall outside the filtered list; the whole list names them.
  const allUnits = useUnits({ includeInactive: true });
  const [selectedId, setSelectedId] = useState<number>();
  const [editing, setEditing] = useState<Editing | null>(null);

  const byId = useMemo(() => new Map((allUnits.data ?? []).map((unit) => [unit.id, unit])), [allUnits.data]);
  const treeData = useMemo(() => {
    const toNode = ({ unit, children }: UnitNode): TreeDataNode => ({
      key: unit.id,
      title: (
        <span>
          {localName(unit)} {!unit.active && <Tag>{t('common.inactive')}</Tag>}
        </span>
      ),
      children: children.map(toNode),
    });
    return buildUnitTree(units.data ?? []).map(toNode);
  }, [units.data, localName, t]);
  const selected = selectedId === undefined ? undefined : byId.get(selectedId);

  return (
    <PageContainer
      title={t('nav.units')}
      extra={
        can('unit:manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ parentId: null })}>
            {t('units.create')}
          </Button>
        )
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10}>
          <Card size="small">
            <Flex vertical gap={8} style={{ marginBottom: 12 }}>
              <Input.Search allowClear placeholder={t('units.searchPlaceholder')} onSearch={setQ} />
              <Flex gap={8} align="center" wrap>
                <Select<UnitKind>
                  allowClear
                  placeholder={t('units.kind')}
                  style={{ minWidth: 140 }}
                  value={kind}
                  onChange={setKind}
                  options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
                />
                <Switch checked={includeInactive} onChange={setIncludeInactive} size="small" />
                <span>{t('units.showInactive')}</span>
              </Flex>
            </Flex>
            {units.error && <Alert type="error" showIcon title={units.error.message} />}
            {units.isLoading ? (
              <Spin />
            ) : treeData.length === 0 ? (
              <Empty description={t('common.empty')} />
            ) : (
              // A scrolling box keeps the details beside (or, on phones, just below) the tree in view.
              <div style={{ maxHeight: 480, overflow: 'auto' }} data-testid="unit-tree">
                <Tree
                  key={`${q}|${kind}|${includeInactive}`}
                  blockNode
                  defaultExpandAll
                  treeData={treeData}
                  selectedKeys={selectedId === undefined ? [] : [selectedId]}
                  onSelect={(keys) => setSelectedId(keys.length ? Number(keys[0]) : undefined)}
                />
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Card size="small" title={selected ? localName(selected) : t('units.detail')}>
            {selected ? (
              <UnitDetail
                unit={selected}
                parent={selected.parentId === null ? undefined : byId.get(selected.parentId)}
                onEdit={() => setEditing({ unit: selected })}
                onAddChild={() => setEditing({ parentId: selected.id })}
              />
            ) : (
              <Empty description={t('units.selectHint')} />
            )}
          </Card>
        </Col>
      </Row>
      {editing && (
        <UnitFormModal
          {...editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) setSelectedId(saved.id);
          }}
        />
      )}
    </PageContainer>
  );
}
