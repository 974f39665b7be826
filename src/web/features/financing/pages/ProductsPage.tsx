import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Popconfirm, Select, Space, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRODUCT_TYPES, type Product } from '../../../../shared/modules/financing.schemas';
import { ExportButton } from '../../../components/ExportButton';
import { FilterBar } from '../../../components/FilterBar';
import { ListTable } from '../../../components/ListTable';
import { PageContainer } from '../../../components/PageContainer';
import { useCan } from '../../../lib/auth';
import { useListParams } from '../../../lib/list';
import { useLocalName } from '../../../lib/names';
import { type ProductFilters, useBanks, useProducts, useSaveProduct } from '../api';
import { fenOfWan, pct, wan } from '../components/bits';
import { EnumSelect } from '../../../components/EnumSelect';
import { FormModal } from '../../../components/FormModal';
import { useSaveForm } from '../../../lib/save-form';

/** 金融产品: every bank's products for staff and firms; a bank keeps its own (add, edit, withdraw). */
export function ProductsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const localName = useLocalName();
  const bank = can('financing:bank');
  const banks = useBanks();
  const [form] = Form.useForm<ProductFilters>();
  const list = useListParams<ProductFilters>({}, { sort: 'id', order: 'asc' });
  const items = useProducts(list.query);
  const save = useSaveProduct();
  const [editing, setEditing] = useState<Product | null | undefined>(undefined);
  const columns: TableColumnsType<Product> = [
    { title: t('financing.products.name'), key: 'name', sorter: true, sortOrder: list.sortOrderOf('name'), render: (_, p) => <strong>{p.name}</strong> },
    ...(bank ? [] : [{ title: t('financing.bank'), key: 'bank', render: (_: unknown, p: Product) => localName(p.bank) }]),
    { title: t('financing.products.type'), key: 'type', render: (_, p) => t(`financing.products.types.${p.type}`) },
    {
      title: t('financing.products.amountRange'),
      key: 'maxAmountFen',
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrderOf('maxAmountFen'),
      render: (_, p) => `${wan(p.minAmountFen)} – ${wan(p.maxAmountFen)}`,
    },
    { title: t('financing.products.term'), dataIndex: 'termMonths', key: 'term', align: 'right' },
    {
      title: t('financing.products.rateRange'),
      key: 'rateMinBp',
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrderOf('rateMinBp'),
      render: (_, p) => `${pct(p.rateMinBp)} – ${pct(p.rateMaxBp)}`,
    },
    {
      title: t('financing.products.conditions'),
      key: 'conditions',
      render: (_, p) => <div style={{ maxWidth: 260, whiteSpace: 'normal' }}>{p.conditions || '—'}</div>,
    },
    { title: t('financing.products.contact'), dataIndex: 'contact', key: 'contact' },
    {
      title: t('financing.status'),
      key: 'active',
      render: (_, p) => (p.active ? <Tag color="success">{t('financing.products.active')}</Tag> : <Tag>{t('financing.products.inactive')}</Tag>),
    },
    ...(bank
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, p: Product) =>
              p.canEdit && (
                <Space>
                  <Button size="small" onClick={() => setEditing(p)}>
                    {t('financing.products.edit')}
                  </Button>
                  {p.active ? (
                    <Popconfirm title={t('financing.products.withdrawConfirm')} onConfirm={() => save.mutateAsync({ id: p.id, active: false })}>
                      <Button size="small" danger>
                        {t('financing.products.withdraw')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button size="small" onClick={() => save.mutateAsync({ id: p.id, active: true })}>
                      {t('financing.products.restore')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]
      : []),
  ];
  return (
    <PageContainer
      title={t('nav.financingProducts')}
      extra={
        <>
          <ExportButton url="/api/financing/products/export.xlsx" query={list.exportQuery} />
          {bank && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="create-product">
              {t('financing.products.create')}
            </Button>
          )}
        </>
      }
    >
      <FilterBar form={form} onSearch={list.setFilters} testId="product-filters">
        <Form.Item name="q">
          <Input allowClear placeholder={t('financing.products.searchPlaceholder')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="type">
          <EnumSelect
            allowClear
            placeholder={t('financing.products.type')}
            style={{ width: 150 }}
            values={PRODUCT_TYPES}
            label={(x) => t(`financing.products.types.${x}`)}
          />
        </Form.Item>
        {!bank && (
          <Form.Item name="bankUnitId">
            <Select
              allowClear
              placeholder={t('financing.bank')}
              style={{ width: 200 }}
              options={(banks.data?.items ?? []).map((b) => ({ value: b.id, label: localName(b) }))}
            />
          </Form.Item>
        )}
      </FilterBar>
      <ListTable list={list} result={items} columns={columns} testId="products-table" />
      {editing !== undefined && <ProductModal product={editing} onClose={() => setEditing(undefined)} />}
    </PageContainer>
  );
}

interface Values {
  name: string;
  type: string;
  min: number;
  max: number;
  termMonths: number;
  rateMin: number;
  rateMax: number;
  conditions?: string;
  contact: string;
}
const RENAME: Record<string, string> = { minAmountFen: 'min', maxAmountFen: 'max', rateMinBp: 'rateMin', rateMaxBp: 'rateMax' };

function ProductModal({ product, onClose }: { product: Product | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const saveProduct = useSaveProduct();
  const [form] = Form.useForm<Values>();
  const required = [{ required: true, message: t('common.required') }];
  const initial = product
    ? {
        ...product,
        min: product.minAmountFen / 1_000_000,
        max: product.maxAmountFen / 1_000_000,
        rateMin: product.rateMinBp / 100,
        rateMax: product.rateMaxBp / 100,
      }
    : { type: 'working_capital', termMonths: 12 };
  const save = useSaveForm(
    form,
    async (v) => {
      await saveProduct.mutateAsync({
        id: product?.id,
        name: v.name,
        type: v.type as Product['type'],
        minAmountFen: fenOfWan(v.min),
        maxAmountFen: fenOfWan(v.max),
        termMonths: v.termMonths,
        rateMinBp: Math.round(v.rateMin * 100),
        rateMaxBp: Math.round(v.rateMax * 100),
        conditions: v.conditions ?? '',
        contact: v.contact,
      });
      void message.success(t('financing.saved'));
      onClose();
    },
    { rename: RENAME },
  );
  const half = { style: { flex: '1 1 180px' } };
  return (
    <FormModal
      title={product ? t('financing.products.edit') : t('financing.products.create')}
      form={form}
      save={save}
      onClose={onClose}
      initialValues={initial}
    >
      <Form.Item name="name" label={t('financing.products.name')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="type" label={t('financing.products.type')} rules={required}>
        <EnumSelect values={PRODUCT_TYPES} label={(x) => t(`financing.products.types.${x}`)} />
      </Form.Item>
      <Space wrap style={{ width: '100%' }}>
        <Form.Item name="min" label={t('financing.products.minAmount')} rules={required} {...half}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="max" label={t('financing.products.maxAmount')} rules={required} {...half}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="rateMin" label={t('financing.products.rateMin')} rules={required} {...half}>
          <InputNumber min={0.01} max={36} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="rateMax" label={t('financing.products.rateMax')} rules={required} {...half}>
          <InputNumber min={0.01} max={36} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Space>
      <Form.Item name="termMonths" label={t('financing.products.term')} rules={required}>
        <InputNumber min={1} max={360} precision={0} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="conditions" label={t('financing.products.conditions')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="contact" label={t('financing.products.contact')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}
