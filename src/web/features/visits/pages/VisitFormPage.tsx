import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageContainer } from '../../../components/PageContainer';
import { useMe } from '../../../lib/auth';
import { useLocalName } from '../../../lib/names';
import { useCreateVisit, useOfficers, useProblemUnits, useVisitables } from '../api';
import { useSaveForm } from '../../../lib/save-form';

interface Values {
  enterpriseId: number;
  visitDate: Dayjs;
  officerUserIds?: number[];
  peopleMet: string;
  discussion: string;
  problems?: { text: string; ownerUnitId: number; workingDays: number }[];
}

/** 登记走访: one column that reads on a phone — firm, day (not after today), who went, whom they met, what, problems. */
export function VisitFormPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const localName = useLocalName();
  const { data: me } = useMe();
  const firms = useVisitables();
  const units = useProblemUnits();
  const officers = useOfficers();
  const create = useCreateVisit();
  const [form] = Form.useForm<Values>();
  const required = [{ required: true, whitespace: true, message: t('common.required') }];

  const save = useSaveForm(
    form,
    (v: Values) =>
      create.mutateAsync({
        enterpriseId: v.enterpriseId,
        visitDate: v.visitDate.format('YYYY-MM-DD'),
        officerUserIds: v.officerUserIds ?? [],
        peopleMet: v.peopleMet,
        discussion: v.discussion,
        problems: v.problems ?? [],
      }),
    {
      onDone: (visit) => {
        void message.success(t('visits.logged'));
        navigate(`/visits/${visit.id}`);
      },
    },
  );
  const submit = async () => save.onFinish(await form.validateFields());

  return (
    <PageContainer title={t('visits.log')}>
      <Card style={{ maxWidth: 720 }}>
        <Form form={form} layout="vertical" initialValues={{ visitDate: dayjs(), problems: [] }} data-testid="visit-form" name="visit">
          <Form.Item
            name="enterpriseId"
            label={t('visits.enterprise')}
            rules={[{ required: true, message: t('common.required') }]}
            extra={t('visits.firmHint')}
          >
            <Select
              showSearch
              optionFilterProp="label"
              data-testid="visit-firm"
              notFoundContent={t('visits.noFirm')}
              loading={firms.isLoading}
              options={(firms.data?.items ?? []).map((f) => ({
                value: f.id,
                label: f.officer ? `${f.name}（${f.officer.displayName}）` : f.name,
              }))}
            />
          </Form.Item>
          <Form.Item name="visitDate" label={t('visits.date')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="visit-date" />
          </Form.Item>
          <Form.Item name="officerUserIds" label={t('visits.withOthers')}>
            <Select
              mode="multiple"
              allowClear
              optionFilterProp="label"
              options={(officers.data?.items ?? [])
                .filter((o) => o.id !== me?.user.id)
                .map((o) => ({ value: o.id, label: `${o.displayName} · ${localName(o.unit)}` }))}
            />
          </Form.Item>
          <Form.Item name="peopleMet" label={t('visits.peopleMet')} rules={required}>
            <Input placeholder={t('visits.peopleMetPlaceholder')} maxLength={200} data-testid="visit-people" />
          </Form.Item>
          <Form.Item name="discussion" label={t('visits.discussion')} rules={required}>
            <Input.TextArea rows={4} placeholder={t('visits.discussionPlaceholder')} maxLength={4000} data-testid="visit-discussion" />
          </Form.Item>
          <Typography.Title level={5}>{t('visits.problems')}</Typography.Title>
          <Alert type="info" showIcon title={t('visits.problemsHint')} style={{ marginBottom: 12 }} />
          <Form.List name="problems">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Card
                    key={field.key}
                    size="small"
                    style={{ marginBottom: 12, background: '#fafafa' }}
                    title={t('visits.problem', { n: i + 1 })}
                    extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="remove" />}
                  >
                    <Form.Item name={[field.name, 'text']} label={t('visits.problemText')} rules={required}>
                      <Input.TextArea rows={2} maxLength={1000} data-testid={`problem-text-${i}`} />
                    </Form.Item>
                    <Flex gap={12} wrap>
                      <Form.Item
                        name={[field.name, 'ownerUnitId']}
                        label={t('visits.ownerUnit')}
                        rules={[{ required: true, message: t('common.required') }]}
                        style={{ flex: '1 1 220px', marginBottom: 8 }}
                      >
                        <Select
                          showSearch
                          optionFilterProp="label"
                          data-testid={`problem-unit-${i}`}
                          options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: localName(u) }))}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'workingDays']}
                        label={t('visits.workingDays')}
                        rules={[{ required: true, message: t('common.required') }]}
                        style={{ flex: '0 1 160px', marginBottom: 8 }}
                      >
                        <InputNumber min={1} max={60} precision={0} style={{ width: '100%' }} data-testid={`problem-days-${i}`} />
                      </Form.Item>
                    </Flex>
                  </Card>
                ))}
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  onClick={() => add({ workingDays: 10 })}
                  data-testid="add-problem"
                  style={{ marginBottom: 16 }}
                >
                  {t('visits.addProblem')}
                </Button>
              </>
            )}
          </Form.List>
          <Flex gap={8} justify="flex-end">
            <Button onClick={() => navigate('/visits')}>{t('common.cancel')}</Button>
            <Button type="primary" loading={create.isPending} onClick={submit} data-testid="visit-submit">
              {t('visits.log')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </PageContainer>
  );
}
