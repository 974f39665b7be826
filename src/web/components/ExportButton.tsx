import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download, toQuery } from '../lib/api';
import { useShowError } from '../lib/errors';

interface Props {
  url: string;
  query: object;
}

/** Downloads the .xlsx export of a list with the filters and order now shown. */
export function ExportButton({ url, query }: Props) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await download(`${url}${toQuery(query)}`);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={run} data-testid="export-button">
      {t('common.export')}
    </Button>
  );
}
