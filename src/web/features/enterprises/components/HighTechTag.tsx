import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** 高新技术企业, or its expired certificate: a firm whose certificate ran out is not shown as high-tech. */
export function HighTechTag({ validTo }: { validTo: string | null }) {
  const { t } = useTranslation();
  const expired = validTo !== null && validTo < dayjs().format('YYYY-MM-DD');
  return expired ? <Tag color="default">{t('enterprises.highTechExpired')}</Tag> : <Tag color="green">{t('enterprises.highTech')}</Tag>;
}
