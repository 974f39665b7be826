import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { SME_TIERS, type Enterprise } from '../../../../shared/modules/enterprises.schemas';
import { FormDrawer } from '../../../components/FormDrawer';
import { useLocalName } from '../../../lib/names';
import { useSaveForm } from '../../../lib/save-form';
import { useUnits } from '../../../lib/units';
import { type EnterpriseInput, useSaveEnterprise } from '../api';
import { useIndustryOptions } from '../labels';
import { EnumSelect } from '../../../components/EnumSelect';

type Values = Omit<EnterpriseInput, 'highTechValidTo'> & { highTechValidTo: Dayjs | null };

/** Files or edits a firm. Contacts are edited only by those who see them whole, so masked numbers never overwrite real ones. */
export function EnterpriseFormDrawer({ enterprise, onClose }: { enterprise?: Enterprise; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const localName = useLocalName();
  const save = useSaveEnterprise();
  const units = useUnits({});
  const industryOptions = useIndustryOptions();
  const of = (kind: string) => (units.data ?? []).filter((u) => u.kind === kind).map((u) => ({ value: u.id, label: localName(u) }));
  const contactsEditable = !enterprise?.piiMasked;
  const required = [{ required: true, message: t('common.required') }];

  const initial: Partial<Values> = enterprise
    ? {
        ...enterprise,
        townshipUnitId: enterprise.township.id,
        chainUnitIds: enterprise.chains.map((c) => c.id),
        serviceTeamUnitId: enterprise.serviceTeam?.id ?? null,
        chiefOfficerUserId: enterprise.chiefOfficer?.id ?? null,
        highTechValidTo: enterprise.highTechValidTo ? dayjs(enterprise.highTechValidTo) : null,
      }
    : { aboveScale: false, highTech: false, smeTier: 'none', chainUnitIds: [], contacts: [] };

  const inputOf = (values: Values): Partial<EnterpriseInput> => {
    const { contacts, ...rest } = values;
    return {
      ...rest,
      address: rest.address ?? '',
      highTechCertNo: rest.highTechCertNo ?? '',
      rdInstitutions: rest.rdInstitutions ?? '',
      employees: rest.employees ?? null,
      serviceTeamUnitId: rest.serviceTeamUnitId ?? null,
      chiefOfficerUserId: enterprise?.chiefOfficer?.id ?? null,
      highTechValidTo: rest.highTechValidTo ? rest.highTechValidTo.format('YYYY-MM-DD') : null,
      ...(contactsEditable
        ? { contacts: (contacts ?? []).map((c) => ({ name: c.name, position: c.position ?? '', phone: c.phone ?? '', idNumber: c.idNumber ?? '' })) }
        : {}),
    };
  };
  // A contact row's problem (`contacts.0.phone`) lands on that row's field.
  const submit = useSaveForm(form, (values: Values) => save.mutateAsync({ id: enterprise?.id, input: inputOf(values) }), {
    onDone: () => {
      void message.success(enterprise ? t('common.saved') : t('enterprises.created'));
      onClose();
    },
  });

  return (
    <FormDrawer<Values>
      title={enterprise ? t('enterprises.edit') : t('enterprises.create')}
      form={form}
      save={submit}
      onClose={onClose}
      width={880}
      maskClosable={false}
      saveTestId="enterprise-save"
      initialValues={initial}
      formTestId="enterprise-form"
    >
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item name="name" label={t('enterprises.name')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="uscc" label={t('enterprises.uscc')} rules={required} extra={t('enterprises.usccHint')}>
            <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="townshipUnitId" label={t('enterprises.township')} rules={required}>
            <Select options={of('township')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="address" label={t('enterprises.address')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="industryCode" label={t('enterprises.industry')} rules={required}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={industryOptions} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="chainUnitIds" label={t('enterprises.chain')}>
            <Select mode="multiple" options={of('service_team')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="serviceTeamUnitId" label={t('enterprises.serviceTeam')}>
            <Select allowClear options={of('service_team')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="employees" label={t('enterprises.employees')}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="smeTier" label={t('enterprises.smeTier')}>
            <EnumSelect values={SME_TIERS} label={(s) => t(`enterprises.sme.${s}`)} />
          </Form.Item>
        </Col>
        <Col xs={8} md={4}>
          <Form.Item name="aboveScale" label={t('enterprises.aboveScale')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={8} md={4}>
          <Form.Item name="highTech" label={t('enterprises.highTech')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="highTechCertNo" label={t('enterprises.highTechCertNo')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="highTechValidTo" label={t('enterprises.highTechValidTo')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="rdInstitutions" label={t('enterprises.rdInstitutions')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5}>{t('enterprises.contacts')}</Typography.Title>
      {!contactsEditable && <Typography.Paragraph type="secondary">{t('enterprises.contactsMasked')}</Typography.Paragraph>}
      {contactsEditable && (
        <Form.List name="contacts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Row key={field.key} gutter={8}>
                  <Col xs={12} md={5}>
                    <Form.Item name={[field.name, 'name']} label={t('enterprises.contactName')} rules={required}>
                      <Input maxLength={40} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={5}>
                    <Form.Item name={[field.name, 'position']} label={t('enterprises.position')}>
                      <Input maxLength={40} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item name={[field.name, 'phone']} label={t('enterprises.phone')}>
                      <Input maxLength={20} />
                    </Form.Item>
                  </Col>
                  <Col xs={10} md={7}>
                    <Form.Item name={[field.name, 'idNumber']} label={t('enterprises.idNumber')}>
                      <Input maxLength={18} />
                    </Form.Item>
                  </Col>
                  <Col xs={2} md={1}>
                    <Form.Item label=" ">
                      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', position: '', phone: '', idNumber: '' })}>
                {t('enterprises.addContact')}
              </Button>
            </>
          )}
        </Form.List>
      )}
    </FormDrawer>
  );
}
