import { Alert, Badge, Card, Col, Flex, Row, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '../../../components/PageContainer';
import { type ProjectFilters as Filters, useLeaders } from '../api';
import { COLOURS } from '../components/bits';
import { ProjectCard } from '../components/ProjectCard';
import { ProjectFilters } from '../components/ProjectFilters';

/** 县领导分包: the projects each county leader is responsible for, with their colours; one column on a phone. */
export function LeadersPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  const leaders = useLeaders(filters);
  return (
    <PageContainer title={t('nav.projectLeaders')}>
      <ProjectFilters onSearch={setFilters} omit={['leaderUserId']} />
      <Typography.Paragraph type="secondary">{t('projects.leadersHint')}</Typography.Paragraph>
      {leaders.error && <Alert type="error" showIcon title={leaders.error.message} />}
      {!leaders.data ? (
        <Spin style={{ display: 'block', margin: '64px auto' }} />
      ) : (
        <Row gutter={[16, 16]} data-testid="project-leaders">
          {leaders.data.items.length === 0 && <Typography.Text type="secondary">{t('projects.empty')}</Typography.Text>}
          {leaders.data.items.map((g) => (
            <Col key={g.leader?.id ?? 0} xs={24} md={12} xl={8}>
              <Card
                size="small"
                title={
                  <Space size={6} wrap>
                    <span>{g.leader?.displayName ?? t('projects.noLeader')}</span>
                    <Typography.Text type="secondary">{t('projects.projectsCount', { count: g.projects.length })}</Typography.Text>
                  </Space>
                }
                extra={
                  <Space size={4}>
                    {(['red', 'yellow', 'green'] as const).map((k) => (
                      <Badge key={k} count={g.colours[k]} showZero color={COLOURS[k]} size="small" title={t(`projects.colours.${k}`)} />
                    ))}
                  </Space>
                }
              >
                <Flex vertical gap={8}>
                  {g.projects.map((card) => (
                    <ProjectCard key={card.id} card={card} showLeader={false} />
                  ))}
                </Flex>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </PageContainer>
  );
}
