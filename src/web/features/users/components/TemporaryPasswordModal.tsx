import { Alert, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  name: string;
  password: string;
  onClose: () => void;
}

/** Shows a reset password once; it is not stored anywhere the browser could show it again. */
export function TemporaryPasswordModal({ name, password, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('users.temporaryPassword')}
      okText={t('users.passwordNoted')}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
    >
      <Alert type="warning" showIcon title={t('users.temporaryPasswordHint', { name })} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        copyable={{ text: password, tooltips: [t('common.copy'), t('common.copied')] }}
        code
        style={{ fontSize: 20, textAlign: 'center' }}
        data-testid="temporary-password"
      >
        {password}
      </Typography.Paragraph>
    </Modal>
  );
}
