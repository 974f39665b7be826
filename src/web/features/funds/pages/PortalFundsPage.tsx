import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { FundProgramme } from '../../../../shared/modules/funds.schemas';
import { PageContainer } from '../../../components/PageContainer';
import { type MyPolicy, useApplications, useMyPolicies, useProgrammes } from '../api';
import { ApplyModal } from '../components/ApplyModal';
import { StatusTag, useRuleText, yuan } from '../components/bits';

/** The firm's funds page on its portal: the programmes open now to apply for, and its own applications with their status. */
export function PortalFundsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ruleText = useRuleText();
  const programmes = useProgrammes({ open: 'true', pageSize: 50, sort: 'closesOn' });
  const mine = useApplications({ pageSize: 50, sort: 'submittedDate', order: 'desc' });
  const matched = useMyPolicies(true);
  const [applying, setApplying] = useState<FundProgramme | null>(null);
  const [fromPolicy, setFromPolicy] = useState<MyPolicy | null>(null);
  const cardTitle = (text: string) => <span style={{ whiteSpace: 'normal' }}>{text}</span>;
  return (
    <PageContainer title={t('nav.myFunds')}>
      <Typography.Title level={5}>{t('funds.matchedPolicies')}</Typography.Title>
      <List
        data-testid="matched-policies"
        dataSource={matched.data?.items ?? []}
        loading={matched.isFetching}
        locale={{ emptyText: <Empty description={t('funds.noMatchedPolicies')} /> }}
        renderItem={(m) => (
          <List.Item style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
            <Card
              size="small"
              style={{ width: '100%' }}
              title={cardTitle(m.policy.name)}
              extra={
                m.policy.autoGrant ? (
                  <Tag color="magenta">{t('funds.grantedWithout')}</Tag>
                ) : m.applied ? (
                  <Tag color="success">{t('funds.appliedAlready')}</Tag>
                ) : m.programme.open ? (
                  <Button type="primary" onClick={() => setFromPolicy(m)} data-testid={`apply-policy-${m.policy.id}`}>
                    {t('funds.applyFromPolicy')}
                  </Button>
                ) : null
              }
            >
              {m.policy.summary && <div style={{ fontSize: 13 }}>{m.policy.summary}</div>}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {m.programme.year} {m.programme.name} · {m.programme.categories.find((c) => c.id === m.categoryId)?.name}
              </Typography.Text>
            </Card>
          </List.Item>
        )}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('funds.openProgrammes')}
      </Typography.Title>
      <List
        data-testid="open-programmes"
        dataSource={programmes.data?.items ?? []}
        loading={programmes.isFetching}
        locale={{ emptyText: <Empty description={t('funds.noOpenProgrammes')} /> }}
        renderItem={(p) => (
          <List.Item style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
            <Card
              size="small"
              style={{ width: '100%' }}
              title={cardTitle(`${p.year} ${p.name}`)}
              extra={
                <Button type="primary" onClick={() => setApplying(p)} data-testid={`apply-${p.id}`}>
                  {t('funds.apply')}
                </Button>
              }
            >
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                {t('funds.window')} {p.opensOn} ~ {p.closesOn}
              </Typography.Text>
              {p.categories.map((c) => (
                <div key={c.id} style={{ fontSize: 13 }}>
                  · {c.name}：{ruleText(c)}
                </div>
              ))}
              {p.basis && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
                  {t('funds.basis')}：{p.basis}
                </Typography.Text>
              )}
            </Card>
          </List.Item>
        )}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('funds.myApplications')}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('funds.firmSteps')}
      </Typography.Text>
      <List
        data-testid="my-applications"
        dataSource={mine.data?.items ?? []}
        loading={mine.isFetching}
        locale={{ emptyText: <Empty description={t('funds.noApplications')} /> }}
        renderItem={(a) => (
          <List.Item style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
            <Card size="small" style={{ width: '100%' }} title={cardTitle(a.title)} extra={<Link to={`/funds/applications/${a.id}`}>{t('common.view')}</Link>}>
              <Flex wrap gap={4} style={{ marginBottom: 6 }}>
                <StatusTag status={a.status} />
                <Tag>
                  {a.programme.year} {a.programme.name}
                </Tag>
              </Flex>
              <Typography.Text style={{ display: 'block', fontSize: 13 }}>
                {t('funds.requested')} {yuan(a.requestedFen)}
                {a.approvedFen !== null && ` · ${t('funds.approved')} ${yuan(a.approvedFen)}`}
                {a.disbursedFen > 0 && ` · ${t('funds.disbursed')} ${yuan(a.disbursedFen)}`}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t('funds.submittedDate')} {a.submittedDate}
              </Typography.Text>
            </Card>
          </List.Item>
        )}
      />
      {fromPolicy && (
        <ApplyModal
          programme={fromPolicy.programme}
          onBehalf={false}
          policy={{ id: fromPolicy.policy.id, name: fromPolicy.policy.name, categoryId: fromPolicy.categoryId }}
          onClose={(id) => {
            setFromPolicy(null);
            if (id) navigate(`/funds/applications/${id}`);
          }}
        />
      )}
      {applying && (
        <ApplyModal
          programme={applying}
          onBehalf={false}
          onClose={(id) => {
            setApplying(null);
            if (id) navigate(`/funds/applications/${id}`);
          }}
        />
      )}
    </PageContainer>
  );
}
