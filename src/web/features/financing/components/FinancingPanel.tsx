import { Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFinancingPanel } from '../api';
import { wan } from './bits';

/**
 * One year's financing at a glance (the cockpit's panel, also on the statistics page and the leaders' home page): needs
 * received and placed, amount requested vs granted, average working days to a loan, the top decline reasons and the
 * next 政银企对接会. Two figures a row on a phone.
 */
export function FinancingPanel({ year, link = true }: { year?: number; link?: boolean }) {
  const { t } = useTranslation();
  const panel = useFinancingPanel(year);
  const p = panel.data;
  const wanUnit = t('financing.wan', { n: '' }).trim();
  return (
    <Card
      size="small"
      loading={panel.isLoading}
      title={t('financing.panel.title', { year: p?.year ?? year ?? '' })}
      extra={link ? <Link to="/financing/stats">{t('financing.panel.more')}</Link> : undefined}
      data-testid="financing-panel"
    >
      {p && (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <Statistic title={t('financing.panel.received')} value={p.received} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('financing.panel.placed')} value={p.placed} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('financing.panel.granted')}
                value={wan(p.grantedFen)}
                suffix={<Typography.Text type="secondary" style={{ fontSize: 13 }}>{`/ ${wan(p.requestedFen)} ${wanUnit}`}</Typography.Text>}
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('financing.panel.avgDays')}
                value={p.avgWorkingDays ?? '—'}
                suffix={p.avgWorkingDays === null ? undefined : <span style={{ fontSize: 13 }}>{t('financing.panel.days', { n: '' }).trim()}</span>}
              />
            </Col>
          </Row>
          <Flex wrap gap={8} align="center" style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">{t('financing.panel.reasons')}</Typography.Text>
            {p.declineReasons.length
              ? p.declineReasons.map((r) => (
                  <Tag key={r.reason} color="orange">
                    {t(`financing.declineReasons.${r.reason}`)} {r.count}
                  </Tag>
                ))
              : t('financing.panel.noReasons')}
          </Flex>
          <Flex wrap gap={8} align="center" style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{t('financing.panel.nextMeeting')}</Typography.Text>
            {p.nextMeeting ? (
              <Link to={`/financing/meetings/${p.nextMeeting.id}`} data-testid="panel-next-meeting">
                {p.nextMeeting.meetingDate} {p.nextMeeting.title}
              </Link>
            ) : (
              t('financing.panel.noMeeting')
            )}
          </Flex>
        </>
      )}
    </Card>
  );
}
