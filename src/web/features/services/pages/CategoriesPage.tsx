import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Switch, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceCategory } from '../../../../shared/modules/services.schemas';
import { PageContainer } from '../../../components/PageContainer';
import { useCategories, useSaveCategory } from '../api';
import { FormModal } from '../../../components/FormModal';
import { useSaveForm } from '../../../lib/save-form';

/** 诉求类别与时限: the office edits the categories and their working-day limits (new requests get the new limit). */
export function CategoriesPage() {
  const { t } = useTranslation();
  const categories = useCategories();
  const [editing, setEditing] = useState<ServiceCategory | 'new' | null>(null);
  const columns: TableColumnsType<ServiceCategory> = [
    { title: t('services.categoryCode'), dataIndex: 'code', key: 'code' },
    { title: t('services.nameZh'), dataIndex: 'nameZh', key: 'nameZh' },
    { title: t('services.nameEn'), dataIndex: 'nameEn', key: 'nameEn' },
    { title: t('services.limitDays'), dataIndex: 'limitDays', key: 'limitDays', align: 'right' },
    {
      title: t('services.active'),
      key: 'active',
      render: (_, c) => (c.active ? <Tag color="success">{t('services.yes')}</Tag> : <Tag>{t('services.no')}</Tag>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, c) => (
        <Button size="small" onClick={() => setEditing(c)} data-testid={`edit-category-${c.code}`}>
          {t('services.editCategory')}
        </Button>
      ),
    },
  ];
  return (
    <PageContainer
      title={t('nav.serviceCategories')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('services.addCategory')}
        </Button>
      }
    >
      <Table<ServiceCategory>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={categories.data?.items ?? []}
        loading={categories.isFetching}
        pagination={false}
        locale={{ emptyText: t('common.empty') }}
        data-testid="categories-table"
      />
      {editing && <CategoryModal category={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </PageContainer>
  );
}

function CategoryModal({ category, onClose }: { category: ServiceCategory | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const saveCategory = useSaveCategory();
  const [form] = Form.useForm<Omit<ServiceCategory, 'id'>>();
  const save = useSaveForm(form, async (values) => {
    await saveCategory.mutateAsync(category ? { id: category.id, ...values } : values);
    void message.success(t('services.saved'));
    onClose();
  });
  return (
    <FormModal
      title={t(category ? 'services.editCategory' : 'services.addCategory')}
      form={form}
      save={save}
      onClose={onClose}
      initialValues={category ?? { active: true, limitDays: 5 }}
    >
      <Form.Item name="code" label={t('services.categoryCode')} rules={[{ required: true, message: t('common.required') }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="nameZh" label={t('services.nameZh')} rules={[{ required: true, message: t('common.required') }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="nameEn" label={t('services.nameEn')} rules={[{ required: true, message: t('common.required') }]}>
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item name="limitDays" label={t('services.limitDays')} rules={[{ required: true, message: t('common.required') }]}>
        <InputNumber min={1} max={120} precision={0} />
      </Form.Item>
      <Form.Item name="active" label={t('services.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
