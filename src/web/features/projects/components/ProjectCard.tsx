import { Card, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BoardCard } from '../../../../shared/modules/projects.schemas';
import { useLocalName } from '../../../lib/names';
import { pct, wan } from '../money';
import { COLOURS } from './bits';

const TINT = { green: '#f6ffed', yellow: '#fffbe6', red: '#fff1f0' } as const;

/** A project on the battle map: coloured by its progress, with completion, township and overdue milestones. */
export function ProjectCard({ card, showLeader = true }: { card: BoardCard; showLeader?: boolean }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  return (
    <Link to={`/projects/${card.id}`} style={{ display: 'block' }} data-testid="board-card" data-colour={card.colour}>
      <Card
        size="small"
        hoverable
        style={{ borderLeft: `4px solid ${COLOURS[card.colour]}`, background: TINT[card.colour] }}
        styles={{ body: { padding: '8px 10px' } }}
      >
        <Typography.Text strong ellipsis={{ tooltip: card.name }} style={{ display: 'block' }}>
          {card.name}
        </Typography.Text>
        <Progress
          percent={Math.min(100, Math.round(card.completion ?? 0))}
          strokeColor={COLOURS[card.colour]}
          size="small"
          format={() => pct(card.completion)}
          aria-label={t('projects.completion')}
        />
        <Space size={[4, 2]} wrap style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>
          <span>{localName(card.townshipUnit)}</span>
          <span>
            {wan(card.ytdFen)}/{wan(card.annualPlanFen)} {t('projects.wan')}
          </span>
          {showLeader && card.leader && <span>{card.leader.displayName}</span>}
          <Tag color={card.colour === 'green' ? 'success' : card.colour === 'yellow' ? 'warning' : 'error'} style={{ marginInlineEnd: 0 }}>
            {t(`projects.colours.${card.colour}`)}
          </Tag>
          {card.overdueMilestones > 0 && (
            <Tag color="error" style={{ marginInlineEnd: 0 }}>
              {t('projects.overdueCount', { count: card.overdueMilestones })}
            </Tag>
          )}
        </Space>
      </Card>
    </Link>
  );
}
