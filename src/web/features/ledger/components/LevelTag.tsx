import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WarningLevel } from '../../../../shared/rules/indicator-progress';

export const LEVEL_COLOURS: Record<WarningLevel, string> = { green: '#389e0d', yellow: '#d48806', red: '#cf1322', missing: '#8c8c8c' };

/** A traffic light with its name, so colour is never the only signal. */
export function LevelTag({ level }: { level: WarningLevel }) {
  const { t } = useTranslation();
  return (
    <Tag color={level === 'missing' ? 'default' : level === 'yellow' ? 'gold' : level} style={{ marginInlineEnd: 6 }}>
      {t(`ledger.level.${level}`)}
    </Tag>
  );
}
