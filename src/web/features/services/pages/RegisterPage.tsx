import { Alert, Button, Card, Flex, Form, Input, Result, Select, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { ApiError } from '../../../lib/api';
import { setFieldErrors } from '../../../lib/errors';
import { useLocalName } from '../../../lib/names';
import { useRegister, useRegistrationTownships } from '../api';

interface Fields {
  firmName: string;
  uscc: string;
  townshipUnitId: number;
  contactName: string;
  contactPhone: string;
  username: string;
  password: string;
}

/** 企业注册: a firm asks for its portal account without signing in; its township confirms it. */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const localName = useLocalName();
  const [form] = Form.useForm<Fields>();
  const townships = useRegistrationTownships();
  const register = useRegister();
  const [done, setDone] = useState(false);
  return (
    <Flex vertical align="center" gap={16} style={{ minHeight: '100vh', padding: 16, background: token.colorBgLayout }}>
      <Typography.Title level={3} style={{ margin: '16px 0 0', letterSpacing: i18n.language === 'en-US' ? 0 : 2, textAlign: 'center' }}>
        {t('app.shortName')}
      </Typography.Title>
      <Card
        title={t('services.portal.registerTitle')}
        extra={<LanguageSwitch type="link" />}
        style={{ width: '100%', maxWidth: 520 }}
        data-testid="register-card"
      >
        {done ? (
          <Result
            status="success"
            title={t('services.portal.submitted')}
            extra={
              <Link to="/login">
                <Button type="primary">{t('services.portal.backToLogin')}</Button>
              </Link>
            }
          />
        ) : (
          <>
            <Alert type="info" showIcon title={t('services.portal.registerHint')} style={{ marginBottom: 16 }} />
            {register.error && !(register.error instanceof ApiError && register.error.fields) && (
              <Alert type="error" showIcon title={register.error.message} style={{ marginBottom: 16 }} data-testid="register-error" />
            )}
            <Form<Fields>
              form={form}
              layout="vertical"
              onFinish={(values) =>
                register.mutate(values, {
                  onSuccess: () => setDone(true),
                  onError: (e) => {
                    if (e instanceof ApiError && e.fields) setFieldErrors(form, e.fields);
                  },
                })
              }
              data-testid="register-form"
            >
              <Form.Item name="firmName" label={t('services.portal.firmName')} rules={[{ required: true, message: t('common.required') }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="uscc" label={t('services.portal.uscc')} rules={[{ required: true, message: t('common.required') }]}>
                <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
              </Form.Item>
              <Form.Item name="townshipUnitId" label={t('services.portal.township')} rules={[{ required: true, message: t('common.required') }]}>
                <Select
                  loading={townships.isLoading}
                  options={townships.data?.items.map((u) => ({ value: u.id, label: localName(u) }))}
                  data-testid="register-township"
                />
              </Form.Item>
              <Flex gap="0 12px" wrap>
                <Form.Item
                  name="contactName"
                  label={t('services.portal.contactName')}
                  rules={[{ required: true, message: t('common.required') }]}
                  style={{ flex: '1 1 180px' }}
                >
                  <Input maxLength={40} />
                </Form.Item>
                <Form.Item
                  name="contactPhone"
                  label={t('services.portal.contactPhone')}
                  rules={[{ required: true, message: t('common.required') }]}
                  style={{ flex: '1 1 180px' }}
                >
                  <Input maxLength={11} inputMode="tel" />
                </Form.Item>
              </Flex>
              <Form.Item name="username" label={t('services.portal.username')} rules={[{ required: true, message: t('common.required') }]}>
                <Input maxLength={40} autoComplete="username" />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('services.portal.password')}
                extra={t('services.portal.passwordHint')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block size="large" loading={register.isPending}>
                {t('services.portal.submit')}
              </Button>
              <Flex justify="center" style={{ marginTop: 12 }}>
                <Link to="/login">{t('services.portal.backToLogin')}</Link>
              </Flex>
            </Form>
          </>
        )}
      </Card>
    </Flex>
  );
}
