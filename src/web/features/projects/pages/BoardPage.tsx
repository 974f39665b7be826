import { Alert, Badge, Card, Flex, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '../../../components/PageContainer';
import { type ProjectFilters as Filters, useBoard } from '../api';
import { COLOURS } from '../components/bits';
import { ProjectCard } from '../components/ProjectCard';
import { ProjectFilters } from '../components/ProjectFilters';

/** 挂图作战: a column per stage, its projects as cards coloured by investment progress, reds first. */
export function BoardPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  const board = useBoard(filters);
  return (
    <PageContainer
      title={t('nav.projectBoard')}
      extra={board.data && <Typography.Text type="secondary">{t('projects.asOf', { month: board.data.asOfMonth })}</Typography.Text>}
    >
      <ProjectFilters onSearch={setFilters} omit={['stage']} />
      <Typography.Paragraph type="secondary">{t('projects.boardHint')}</Typography.Paragraph>
      {board.error && <Alert type="error" showIcon title={board.error.message} />}
      {!board.data ? (
        <Spin style={{ display: 'block', margin: '64px auto' }} />
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <Flex gap={12} align="flex-start" wrap className="project-board" data-testid="project-board">
            {board.data.columns.map((c) => (
              <Card
                key={c.stage}
                size="small"
                style={{ flex: '1 1 220px', minWidth: 220, background: '#fafafa' }}
                data-testid={`board-${c.stage}`}
                title={
                  <Space size={6} wrap>
                    <span>{t(`projects.stages.${c.stage}`)}</span>
                    <Typography.Text type="secondary">{c.total}</Typography.Text>
                  </Space>
                }
                extra={
                  <Space size={4}>
                    {(['red', 'yellow', 'green'] as const).map((k) => (
                      <Badge key={k} count={c.colours[k]} showZero color={COLOURS[k]} size="small" title={t(`projects.colours.${k}`)} />
                    ))}
                  </Space>
                }
              >
                <Flex vertical gap={8}>
                  {c.cards.map((card) => (
                    <ProjectCard key={card.id} card={card} />
                  ))}
                  {c.total > c.cards.length && (
                    <Typography.Text type="secondary">{t('projects.boardMore', { count: c.total - c.cards.length })}</Typography.Text>
                  )}
                  {c.total === 0 && <Typography.Text type="secondary">{t('projects.empty')}</Typography.Text>}
                </Flex>
              </Card>
            ))}
          </Flex>
        </div>
      )}
    </PageContainer>
  );
}
