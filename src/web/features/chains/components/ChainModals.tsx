import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Checkbox, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../../../shared/list';
import { type Chain, LINK_KINDS, SEGMENT_TIERS, type Segment } from '../../../../shared/modules/chains.schemas';
import { api, toQuery } from '../../../lib/api';
import { useLocalName } from '../../../lib/names';
import { useAddLink, useChainOptions, useSaveSegment, useSetMembers } from '../api';
import { EnumSelect } from '../../../components/EnumSelect';
import { FormModal } from '../../../components/FormModal';
import { useSaveForm } from '../../../lib/save-form';

/** A search-as-you-type select of firms (一企一档), keeping the names of those already chosen. */
function FirmSelect({ value, onChange, initial }: { value?: number[]; onChange?: (v: number[]) => void; initial: { id: number; name: string }[] }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['enterprises', 'pick', q],
    queryFn: () => api.get<Page<{ id: number; name: string }>>(`/api/enterprises${toQuery({ q: q || undefined, pageSize: 20 })}`),
  });
  const options = new Map(initial.map((f) => [f.id, f.name]));
  for (const f of found.data?.items ?? []) options.set(f.id, f.name);
  return (
    <Select
      mode="multiple"
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t('chains.firmSearch')}
      options={[...options].map(([id, name]) => ({ value: id, label: name }))}
      data-testid="segment-firms"
    />
  );
}

interface SegmentValues {
  tier: Segment['tier'];
  name: string;
  keyProducts: string;
  weak: boolean;
  weakNote: string;
  enterpriseIds: number[];
}

/** Adds or rewrites a segment: tier, name, key products, the weak mark with its note, and its firms. */
export function SegmentModal({ chainId, segment, onClose }: { chainId: number; segment: Segment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SegmentValues>();
  const save = useSaveSegment(chainId);
  const weak = Form.useWatch('weak', form);
  const saveForm = useSaveForm(
    form,
    async (v: SegmentValues) => {
      await save.mutateAsync({
        ...v,
        weakNote: v.weakNote ?? '',
        keyProducts: v.keyProducts ?? '',
        enterpriseIds: v.enterpriseIds ?? [],
        segmentId: segment?.id,
      });
      void message.success(t('chains.saved'));
    },
    { onDone: onClose },
  );
  return (
    <FormModal
      title={segment ? t('chains.editSegment') : t('chains.addSegment')}
      okId="segment-save"
      form={form}
      save={saveForm}
      onClose={onClose}
      initialValues={
        segment
          ? { ...segment, enterpriseIds: segment.firms.map((f) => f.id) }
          : { tier: 'upstream', weak: false, weakNote: '', keyProducts: '', enterpriseIds: [] }
      }
    >
      <Form.Item name="tier" label={t('chains.tier')} rules={[{ required: true }]}>
        <EnumSelect values={SEGMENT_TIERS} label={(v) => t(`chains.tiers.${v}`)} />
      </Form.Item>
      <Form.Item name="name" label={t('chains.segmentName')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={60} data-testid="segment-name" />
      </Form.Item>
      <Form.Item name="keyProducts" label={t('chains.keyProducts')}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name="enterpriseIds" label={t('chains.firms')}>
        <FirmSelect initial={segment?.firms ?? []} />
      </Form.Item>
      <Form.Item name="weak" valuePropName="checked">
        <Checkbox>{t('chains.weak')}</Checkbox>
      </Form.Item>
      {weak && (
        <Form.Item name="weakNote" label={t('chains.weakNote')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      )}
    </FormModal>
  );
}

/** Links the chain to another chain of the county, to an outside chain, or into a circular-economy loop. */
export function LinkModal({ chain, onClose }: { chain: Chain; onClose: () => void }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const [form] = Form.useForm<{ kind: string; toChainId?: number; outsideName?: string; note?: string }>();
  const options = useChainOptions();
  const add = useAddLink(chain.id);
  const kind = Form.useWatch('kind', form);
  const saveForm = useSaveForm(
    form,
    async (v: { kind: string; toChainId?: number; outsideName?: string; note?: string }) => {
      await add.mutateAsync({
        kind: v.kind,
        toChainId: v.kind === 'outside' ? null : (v.toChainId ?? null),
        outsideName: v.outsideName ?? '',
        note: v.note ?? '',
      });
    },
    { onDone: onClose },
  );
  return (
    <FormModal title={t('chains.addLink')} form={form} save={saveForm} onClose={onClose} initialValues={{ kind: 'inside' }}>
      <Form.Item name="kind" label={t('chains.linkKind')} rules={[{ required: true }]}>
        <EnumSelect values={LINK_KINDS} label={(v) => t(`chains.linkKinds.${v}`)} />
      </Form.Item>
      {kind === 'outside' ? (
        <Form.Item name="outsideName" label={t('chains.outsideName')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
      ) : (
        <Form.Item name="toChainId" label={t('chains.linkTo')} rules={[{ required: true }]}>
          <Select options={(options.data?.chains ?? []).filter((c) => c.id !== chain.id).map((c) => ({ value: c.id, label: localName(c) }))} />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('chains.note')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

type MemberRow = { unitId: number; name: string; position?: string; role: string };

/** Sets the service team's members, from any units. */
export function MembersModal({ chain, onClose }: { chain: Chain; onClose: () => void }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const options = useChainOptions();
  const [form] = Form.useForm<{ members: MemberRow[] }>();
  const save = useSetMembers(chain.id);
  const unitOptions = (options.data?.units ?? []).map((u) => ({ value: u.id, label: localName(u) }));
  const submit = useSaveForm(form, (v: { members?: MemberRow[] }) => save.mutateAsync((v.members ?? []).map((m) => ({ ...m, position: m.position ?? '' }))), {
    onDone: onClose,
  }).onFinish;
  return (
    <Modal open width={760} title={t('chains.editMembers')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending}>
      <Form
        form={form}
        onFinish={submit}
        initialValues={{ members: chain.members.map((m) => ({ unitId: m.unit.id, name: m.name, position: m.position, role: m.role })) }}
      >
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="baseline" style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true }]}>
                    <Input placeholder={t('chains.memberName')} style={{ width: 110 }} maxLength={40} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unitId']} rules={[{ required: true }]}>
                    <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t('chains.memberUnit')} style={{ width: 220 }} options={unitOptions} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'position']}>
                    <Input placeholder={t('chains.memberPosition')} style={{ width: 110 }} maxLength={60} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'role']} initialValue="member">
                    <Select
                      style={{ width: 110 }}
                      options={(['leader', 'head', 'member', 'liaison'] as const).map((r) => ({ value: r, label: t(`chains.roles.${r}`) }))}
                    />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t('common.delete')} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'member' })}>
                {t('chains.addMember')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
