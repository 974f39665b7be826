import { CheckOutlined, DownloadOutlined, RollbackOutlined, SaveOutlined, SendOutlined, UnlockOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, Row, Select, Spin, Tag, Timeline, Typography, Upload } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { AcceptPreview, ReportSheet } from '../../../../shared/modules/reports.schemas';
import { type ReportField, type ReportRow, type ReportValues, type ScalarValue, completeness } from '../../../../shared/rules/report-forms';
import { PageContainer } from '../../../components/PageContainer';
import { ApiError, api, download, toQuery, uploadFile } from '../../../lib/api';
import { useShowError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { useLocale } from '../../../lib/i18n';
import { type SheetRef, useReportAction, useReportSheet, useSaveReport } from '../api';
import { AcceptPreviewList } from '../components/AcceptPreviewList';
import { ReportTableInput, ScalarInput } from '../components/ReportFieldInput';
import { StatusTag, TimelinessTag } from '../components/StatusTag';

type Problem = { message: string; severity: 'error' | 'warning'; ruleKey?: string };

/** The report of one township, form and month: filled and submitted by the township, reviewed by the office. */
export function ReportSheetPage() {
  const params = useParams();
  const [search] = useSearchParams();
  const ref: SheetRef = params.id
    ? { id: Number(params.id) }
    : { formId: Number(search.get('formId')), unitId: Number(search.get('unitId')), month: search.get('month') ?? '' };
  const sheet = useReportSheet(ref);
  // Bumped when an Excel upload replaces the draft, so the page starts again from the server's values.
  const [generation, setGeneration] = useState(0);
  if (sheet.isLoading) return <Spin />;
  if (!sheet.data) return <Empty description={sheet.error instanceof ApiError ? sheet.error.message : undefined} />;
  // A new state (submitted, returned, accepted) starts the page afresh from the server; saving a draft keeps what is typed.
  const phase = sheet.data.status === 'not_started' ? 'draft' : sheet.data.status;
  return (
    <SheetView
      key={`${sheet.data.form.id}/${sheet.data.unit.id}/${sheet.data.month}/${phase}/${generation}`}
      sheet={sheet.data}
      onReplaced={() => setGeneration((g) => g + 1)}
    />
  );
}

function SheetView({ sheet, onReplaced }: { sheet: ReportSheet; onReplaced: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const en = useLocale() === 'en-US';
  const showError = useShowError();
  const save = useSaveReport();
  const action = useReportAction();
  const [values, setValues] = useState<ReportValues>(sheet.values as ReportValues);
  const [explanations, setExplanations] = useState<Record<string, string>>(sheet.explanations);
  const [submitErrors, setSubmitErrors] = useState<Record<string, string> | null>(null);
  const [dirty, setDirty] = useState(false);
  const [autoSavedAt, setAutoSavedAt] = useState<string | null>(null);
  // Counts edits, so that an autosave answering after a newer edit does not mark the page clean.
  const edits = useRef(0);
  const [returnForm] = Form.useForm<{ reason: string; fieldKey?: string }>();
  const [reopenForm] = Form.useForm<{ reason: string }>();
  const editable = sheet.can.edit;
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState(false);
  const key = { formId: sheet.form.id, unitId: sheet.unit.id, month: sheet.month };
  const onUpload = async (file: File) => {
    setUploading(true);
    try {
      await uploadFile<ReportSheet>(`/api/reports/import${toQuery(key)}`, file);
      await queryClient.invalidateQueries({ queryKey: ['reports'] });
      void message.success(t('reports.uploaded'));
      onReplaced();
    } catch (error) {
      showError(error);
      if (error instanceof ApiError && error.fields && !error.fields.file) setSubmitErrors(error.fields);
    } finally {
      setUploading(false);
    }
  };
  const label = (x: { labelZh: string; labelEn: string }) => (en ? x.labelEn || x.labelZh : x.labelZh);

  useEffect(() => {
    if (!dirty) return;
    // A warning before leaving with unsaved changes; the draft itself lives on the server once saved.
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [dirty]);

  // The draft saves itself a few seconds after the last edit, so a reload or a closed tab loses nothing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the timer restarts on every edit of values or explanations
  useEffect(() => {
    if (!dirty || !editable) return;
    const at = edits.current;
    const timer = setTimeout(() => {
      save.mutate(
        { formId: sheet.form.id, unitId: sheet.unit.id, month: sheet.month, values, explanations },
        {
          onSuccess: () => {
            if (edits.current === at) setDirty(false);
            setAutoSavedAt(new Date().toLocaleTimeString('zh-CN', { hour12: false }));
          },
          // A value of the wrong type waits for the explicit save, which shows the problem.
          onError: () => {},
        },
      );
    }, 3000);
    return () => clearTimeout(timer);
  }, [values, explanations, dirty, editable]);

  // Problems by path: the last submission's answer, else the server's live check of the saved draft.
  const problems = useMemo(() => {
    const map = new Map<string, Problem>();
    if (submitErrors) {
      for (const [path, text] of Object.entries(submitErrors)) if (path.startsWith('values.')) map.set(path.slice(7), { message: text, severity: 'error' });
    } else if (sheet.id !== null && !dirty) {
      for (const p of sheet.problems) if (!map.has(p.path)) map.set(p.path, p);
    }
    return map;
  }, [submitErrors, sheet, dirty]);
  const warningsToExplain = sheet.problems.filter((p) => p.severity === 'warning' && p.ruleKey);

  const setValue = (key: string, value: ScalarValue | ReportRow[]) => {
    setValues((v) => ({ ...v, [key]: value }));
    edits.current++;
    setDirty(true);
  };

  const doSave = (then?: (s: ReportSheet) => void) =>
    save.mutate(
      { formId: sheet.form.id, unitId: sheet.unit.id, month: sheet.month, values, explanations },
      {
        onSuccess: (s) => {
          setDirty(false);
          setSubmitErrors(null);
          if (then) then(s);
          else void message.success(t('reports.saved'));
        },
        onError: (error) => {
          showError(error);
          if (error instanceof ApiError && error.fields) setSubmitErrors(error.fields);
        },
      },
    );

  const doSubmit = () =>
    doSave((s) =>
      action.mutate(
        { id: s.id as number, action: 'submit' },
        {
          onSuccess: () => void message.success(t('reports.submittedOk')),
          onError: (error) => {
            showError(error);
            if (error instanceof ApiError && error.fields) setSubmitErrors(error.fields);
          },
        },
      ),
    );

  const fieldOptions = sheet.definition.sections.flatMap((s) => [
    { value: s.key, label: `【${en ? s.titleEn || s.titleZh : s.titleZh}】` },
    ...s.fields.filter((f) => f.key !== s.key).map((f) => ({ value: f.key, label: label(f) })),
  ]);
  const labelOfKey = (key: string | null) => fieldOptions.find((o) => o.value === key)?.label ?? key ?? '';

  const onReturn = () => {
    returnForm.resetFields();
    modal.confirm({
      title: t('reports.returnTitle'),
      width: 520,
      content: (
        <Form form={returnForm} layout="vertical">
          <Form.Item name="fieldKey" label={t('reports.returnField')}>
            <Select allowClear options={fieldOptions} data-testid="return-field" />
          </Form.Item>
          <Form.Item name="reason" label={t('reports.reason')} rules={[{ required: true, whitespace: true, message: t('reports.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="return-reason" />
          </Form.Item>
        </Form>
      ),
      okText: t('reports.return'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        const v = await returnForm.validateFields();
        await action.mutateAsync({ id: sheet.id as number, action: 'return', reason: v.reason, fieldKey: v.fieldKey ?? null }).then(
          () => void message.success(t('reports.returnedOk')),
          (error) => showError(error),
        );
      },
    });
  };

  const onReopen = () => {
    reopenForm.resetFields();
    modal.confirm({
      title: t('reports.reopenTitle'),
      content: (
        <Form form={reopenForm} layout="vertical">
          <Form.Item name="reason" label={t('reports.reason')} rules={[{ required: true, whitespace: true, message: t('reports.reasonRequired') }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      ),
      okText: t('reports.reopen'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        const v = await reopenForm.validateFields();
        await action.mutateAsync({ id: sheet.id as number, action: 'reopen', reason: v.reason }).then(
          () => void message.success(t('reports.reopenedOk')),
          (error) => showError(error),
        );
      },
    });
  };

  // The server says which linked fields reach the ledger and why others do not, before the office confirms.
  const onAccept = async () => {
    let preview: AcceptPreview;
    try {
      preview = await api.get<AcceptPreview>(`/api/reports/${sheet.id}/accept-preview`);
    } catch (error) {
      showError(error);
      return;
    }
    modal.confirm({
      title: t('reports.acceptTitle'),
      width: 560,
      content: <AcceptPreviewList preview={preview} />,
      okText: t('reports.accept'),
      cancelText: t('common.cancel'),
      onOk: () =>
        action.mutateAsync({ id: sheet.id as number, action: 'accept' }).then(
          () => void message.success(t('reports.acceptedOk')),
          (error) => showError(error),
        ),
    });
  };

  const renderField = (field: ReportField) => {
    const p = problems.get(field.key);
    const returnedHere = sheet.returned?.fieldKey === field.key;
    const title = (
      <span>
        {field.required && <span style={{ color: '#ff4d4f' }}>* </span>}
        {label(field)}
        {field.indicatorCode && (
          <Tag color="blue" style={{ marginInlineStart: 8 }}>
            {t('reports.feedsLedger')}
          </Tag>
        )}
      </span>
    );
    const note = (
      <>
        {p && (
          <Typography.Text type={p.severity === 'error' ? 'danger' : 'warning'} data-testid={`problem-${field.key}`}>
            {p.message}
          </Typography.Text>
        )}
        {returnedHere && sheet.returned && (
          <Alert type="error" showIcon style={{ marginTop: 4 }} title={t('reports.returnedHere', { reason: sheet.returned.reason })} />
        )}
      </>
    );
    if (field.type === 'table') {
      return (
        <Col span={24} key={field.key}>
          <Typography.Text strong>{title}</Typography.Text>
          <ReportTableInput
            field={field}
            rows={Array.isArray(values[field.key]) ? (values[field.key] as ReportRow[]) : []}
            onChange={(rows) => setValue(field.key, rows)}
            disabled={!editable}
            enterprises={sheet.enterprises}
            problems={problems}
          />
          {note}
        </Col>
      );
    }
    return (
      <Col xs={24} md={12} xl={8} key={field.key}>
        <Form.Item label={title} style={{ marginBottom: 8 }} validateStatus={p ? p.severity : undefined} help={p || returnedHere ? note : undefined}>
          <ScalarInput
            field={field}
            value={values[field.key] as ScalarValue | undefined}
            onChange={(v) => setValue(field.key, v)}
            disabled={!editable}
            enterprises={sheet.enterprises}
            status={p?.severity}
            testId={`field-${field.key}`}
          />
        </Form.Item>
      </Col>
    );
  };

  return (
    <PageContainer
      title={
        <span>
          {en ? sheet.form.nameEn : sheet.form.nameZh} · {en ? sheet.unit.nameEn : sheet.unit.nameZh} · {sheet.month}
        </span>
      }
      extra={
        <>
          <Link to={`/reports?month=${sheet.month}`}>
            <Button>{t('reports.backToMatrix')}</Button>
          </Link>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => download(`/api/reports/template.xlsx${toQuery(key)}`).catch(showError)}
            data-testid="report-template"
          >
            {t('reports.template')}
          </Button>
          {editable && (
            <Upload
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                void onUpload(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={uploading} data-testid="report-upload">
                {t('reports.upload')}
              </Button>
            </Upload>
          )}
          {editable && (
            <Button icon={<SaveOutlined />} loading={save.isPending} onClick={() => doSave()} data-testid="report-save">
              {t('reports.saveDraft')}
            </Button>
          )}
          {editable && (
            <Button type="primary" icon={<SendOutlined />} loading={action.isPending} onClick={doSubmit} data-testid="report-submit">
              {t('reports.submit')}
            </Button>
          )}
          {sheet.can.review && (
            <>
              <Button danger icon={<RollbackOutlined />} onClick={onReturn} data-testid="report-return">
                {t('reports.return')}
              </Button>
              <Button type="primary" icon={<CheckOutlined />} onClick={onAccept} data-testid="report-accept">
                {t('reports.accept')}
              </Button>
            </>
          )}
          {sheet.can.reopen && (
            <Button icon={<UnlockOutlined />} onClick={onReopen} data-testid="report-reopen">
              {t('reports.reopen')}
            </Button>
          )}
        </>
      }
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('reports.status')}>
            <span data-testid="report-status">
              <StatusTag status={sheet.status} />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.dueDate')}>
            {sheet.dueDate} <TimelinessTag timeliness={sheet.timeliness} />
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.completeness')}>
            {/* Counted from what is on the page, so it moves as fields are filled, before any save. */}
            <span data-testid="report-filled">{t('reports.filledOf', completeness(sheet.definition, values))}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.version')}>v{sheet.version}</Descriptions.Item>
          <Descriptions.Item label={t('reports.submittedAt')}>{formatDateTime(sheet.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('reports.acceptedAt')}>{formatDateTime(sheet.acceptedAt)}</Descriptions.Item>
          {editable && (
            <Descriptions.Item label={t('reports.draftState')}>
              <span data-testid="draft-state">
                {dirty ? t('reports.unsaved') : autoSavedAt ? t('reports.autoSaved', { time: autoSavedAt }) : t('reports.allSaved')}
              </span>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {sheet.returned && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="returned-reason"
          title={t('reports.returnedBanner', { reason: sheet.returned.reason })}
          description={sheet.returned.fieldKey ? t('reports.returnedConcerns', { field: labelOfKey(sheet.returned.fieldKey) }) : undefined}
        />
      )}
      {sheet.status === 'accepted' && <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('reports.lockedBanner')} />}
      {submitErrors && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('reports.fixProblems', { count: Object.keys(submitErrors).length })}
          data-testid="submit-errors"
        />
      )}
      <Form layout="vertical">
        {sheet.definition.sections.map((section) => (
          <Card
            key={section.key}
            size="small"
            title={en ? section.titleEn || section.titleZh : section.titleZh}
            style={{ marginBottom: 12, borderColor: sheet.returned?.fieldKey === section.key ? '#ff4d4f' : undefined }}
            extra={sheet.returned?.fieldKey === section.key ? <Tag color="error">{t('reports.returnedSection')}</Tag> : undefined}
          >
            <Row gutter={16}>{section.fields.map(renderField)}</Row>
          </Card>
        ))}
        {editable && warningsToExplain.length > 0 && (
          <Card size="small" title={t('reports.explanations')} style={{ marginBottom: 12 }}>
            {warningsToExplain.map((w) => (
              <Form.Item key={w.ruleKey} label={w.message} style={{ marginBottom: 8 }}>
                <Input.TextArea
                  rows={2}
                  value={explanations[w.ruleKey as string] ?? ''}
                  onChange={(e) => {
                    setExplanations((x) => ({ ...x, [w.ruleKey as string]: e.target.value }));
                    edits.current++;
                    setDirty(true);
                  }}
                />
              </Form.Item>
            ))}
          </Card>
        )}
      </Form>
      <Card size="small" title={t('reports.history')}>
        {sheet.events.length === 0 ? (
          <Typography.Text type="secondary">{t('reports.noHistory')}</Typography.Text>
        ) : (
          <Timeline
            data-testid="report-history"
            items={sheet.events.map((e) => ({
              color: e.action === 'return' || e.action === 'reopen' ? 'red' : e.action === 'accept' ? 'green' : 'blue',
              content: (
                <div>
                  <Typography.Text strong>{t(`reports.event.${e.action}`)}</Typography.Text> · {e.by ?? t('taskEvent.system')} · {formatDateTime(e.at)}
                  {e.reason && <div>{t('reports.reasonIs', { reason: e.reason })}</div>}
                  {e.fieldKey && <div>{t('reports.returnedConcerns', { field: labelOfKey(e.fieldKey) })}</div>}
                </div>
              ),
            }))}
          />
        )}
      </Card>
    </PageContainer>
  );
}
