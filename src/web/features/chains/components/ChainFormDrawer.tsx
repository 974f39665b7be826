import { App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Chain, CreateChainBody } from '../../../../shared/modules/chains.schemas';
import { FormDrawer } from '../../../components/FormDrawer';
import { useLocalName } from '../../../lib/names';
import { useSaveForm } from '../../../lib/save-form';
import { useChainOptions, useSaveChain } from '../api';

type Values = Omit<CreateChainBody, 'groupUnitId' | 'leaderUserId'> & { groupUnitId?: number; leaderUserId?: number };

/** The office adds a chain under a service team, or edits one: names, team, industry group, chain leader, about. */
export function ChainFormDrawer({ chain, onClose }: { chain?: Chain; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const localName = useLocalName();
  const options = useChainOptions();
  const save = useSaveChain(chain?.id);
  const [form] = Form.useForm<Values>();
  const unitsOf = (kind: string) => (options.data?.units ?? []).filter((u) => u.kind === kind).map((u) => ({ value: u.id, label: localName(u) }));
  const submit = useSaveForm(
    form,
    (v: Values) =>
      save.mutateAsync({
        ...v,
        groupUnitId: v.groupUnitId ?? null,
        leaderUserId: v.leaderUserId ?? null,
        description: v.description ?? '',
      }),
    {
      onDone: (saved) => {
        void message.success(t('chains.saved'));
        onClose();
        if (!chain) navigate(`/chains/${saved.id}`);
      },
    },
  );
  return (
    <FormDrawer
      title={chain ? t('chains.edit') : t('chains.create')}
      form={form}
      save={submit}
      onClose={onClose}
      saveTestId="chain-save"
      name="chain-form"
      initialValues={
        chain
          ? {
              ...chain,
              teamUnitId: chain.teamUnit.id,
              groupUnitId: chain.groupUnit?.id,
              leaderUserId: chain.leader?.id,
            }
          : {}
      }
    >
      <Form.Item name="code" label={t('chains.code')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="nameZh" label={t('chains.nameZh')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="nameEn" label={t('chains.nameEn')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="teamUnitId" label={t('chains.team')} rules={[{ required: true }]}>
        <Select options={unitsOf('service_team')} />
      </Form.Item>
      <Form.Item name="groupUnitId" label={t('chains.group')}>
        <Select allowClear options={unitsOf('industry_group')} />
      </Form.Item>
      <Form.Item name="leaderUserId" label={t('chains.leader')}>
        <Select allowClear options={(options.data?.leaders ?? []).map((u) => ({ value: u.id, label: u.displayName }))} />
      </Form.Item>
      <Form.Item name="description" label={t('chains.description')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormDrawer>
  );
}
