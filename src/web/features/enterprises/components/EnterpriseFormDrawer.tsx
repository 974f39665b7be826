import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, DatePicker, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { SME_TIERS, type Enterprise } from '../../../../shared/modules/enterprises.schemas';
import { ApiError } from '../../../lib/api';
import { useShowError } from '../../../lib/errors';
import { useLocalName } from '../../../lib/names';
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
  const showError = useShowError();
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

  const submit = (values: Values) => {
    const { contacts, ...rest } = values;
    const input: Partial<EnterpriseInput> = {
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
    save.mutate(
      { id: enterprise?.id, input },
      {
        onSuccess: () => {
          void message.success(enterprise ? t('common.saved') : t('enterprises.created'));
          onClose();
        },
        onError: (error) => {
          showError(error);
          if (error instanceof ApiError && error.fields) {
            form.setFields(
              Object.entries(error.fields).map(([path, text]) => ({
                name: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as never,
                errors: [text],
              })),
            );
          }
        },
      },
    );
  };

  return (
    <Drawer
      open
      size={Math.min(880, window.innerWidth)}
      title={enterprise ? t('enterprises.edit') : t('enterprises.create')}
      onClose={onClose}
      maskClosable={false}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="enterprise-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="enterprise-form">
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
      </Form>
    </Drawer>
  );
}
