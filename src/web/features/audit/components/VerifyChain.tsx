import { SafetyOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api';
import { useShowError } from '../../../lib/errors';

interface Verification {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
}

/** Re-checks the audit hash chain and says whether any row was altered or removed. */
export function useVerifyChain() {
  const showError = useShowError();
  return useMutation({
    mutationFn: () => api.get<Verification>('/api/audit/verify'),
    onError: (error) => showError(error),
  });
}

export function VerifyChainButton({ verify }: { verify: ReturnType<typeof useVerifyChain> }) {
  const { t } = useTranslation();
  return (
    <Button icon={<SafetyOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="verify-chain">
      {t('audit.verify')}
    </Button>
  );
}

export function VerifyChainResult({ result, onClose }: { result: Verification | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  if (!result) return null;
  return (
    <Alert
      type={result.ok ? 'success' : 'error'}
      showIcon
      closable={{ onClose }}
      title={result.ok ? t('audit.verifyOk') : t('audit.verifyBroken')}
      description={
        result.ok
          ? t('audit.verifyOkDetail', { count: result.checked })
          : result.firstBrokenId === null
            ? t('audit.verifyBrokenDetail', { count: result.checked })
            : t('audit.verifyBrokenAt', { id: result.firstBrokenId, count: result.checked })
      }
      style={{ marginBottom: 16 }}
      data-testid="verify-result"
    />
  );
}
