import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Flex, Popconfirm, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../shared/modules/admin.schemas';
import { useCan } from '../../../lib/auth';
import { useShowError } from '../../../lib/errors';
import { useLocalName } from '../../../lib/names';
import { useSaveUnit } from '../api';

interface Props {
  unit: Unit;
  parent: Unit | undefined;
  onEdit: () => void;
  onAddChild: () => void;
}

/** One unit's fields and what may be done to it. */
export function UnitDetail({ unit, parent, onEdit, onAddChild }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const localName = useLocalName();
  const save = useSaveUnit();
  const showError = useShowError();
  const setActive = (active: boolean) =>
    save.mutate(
      { id: unit.id, values: { active } },
      {
        onSuccess: () => void message.success(active ? t('units.enabled') : t('units.disabled')),
        onError: (error) => showError(error),
      },
    );

  return (
    <>
      <Descriptions column={1} bordered size="small" data-testid="unit-detail">
        <Descriptions.Item label={t('units.nameZh')}>{unit.nameZh}</Descriptions.Item>
        <Descriptions.Item label={t('units.nameEn')}>{unit.nameEn}</Descriptions.Item>
        <Descriptions.Item label={t('units.code')}>{unit.code}</Descriptions.Item>
        <Descriptions.Item label={t('units.kind')}>{t(`unitKind.${unit.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('units.divisionCode')}>{unit.divisionCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('units.parent')}>{parent ? localName(parent) : t('units.noParent')}</Descriptions.Item>
        <Descriptions.Item label={t('units.sortOrder')}>{unit.sortOrder}</Descriptions.Item>
        <Descriptions.Item label={t('common.status')}>
          {unit.active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>}
        </Descriptions.Item>
      </Descriptions>
      {can('unit:manage') && (
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          <Button icon={<EditOutlined />} onClick={onEdit}>
            {t('common.edit')}
          </Button>
          <Button icon={<PlusOutlined />} onClick={onAddChild} disabled={!unit.active}>
            {t('units.createChild')}
          </Button>
          {unit.active ? (
            <Popconfirm
              title={t('units.disableConfirm', { name: localName(unit) })}
              description={t('units.disableHint')}
              okText={t('common.disable')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => setActive(false)}
            >
              <Button danger loading={save.isPending}>
                {t('common.disable')}
              </Button>
            </Popconfirm>
          ) : (
            <Button loading={save.isPending} onClick={() => setActive(true)}>
              {t('common.enable')}
            </Button>
          )}
        </Flex>
      )}
    </>
  );
}
