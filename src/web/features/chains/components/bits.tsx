import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LeadStage } from '../../../../shared/rules/chains-attraction';

const STAGE_COLOR: Record<LeadStage, string> = {
  lead: 'default',
  contact: 'cyan',
  inspection: 'blue',
  negotiation: 'geekblue',
  signed: 'green',
  started: 'lime',
  producing: 'gold',
};

/** A lead's stage as a tag. */
export function StageTag({ stage }: { stage: LeadStage }) {
  const { t } = useTranslation();
  return <Tag color={STAGE_COLOR[stage]}>{t(`leads.stages.${stage}`)}</Tag>;
}
