import { Button, Drawer, type DrawerProps, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormBody, type FormBodyProps, splitBodyProps } from './FormBody';

type Props<V> = Omit<DrawerProps, 'onClose' | 'extra' | 'size' | 'width' | 'children'> &
  FormBodyProps<V> & {
    onClose: () => void;
    /** The drawer's width in pixels; a phone's narrower screen caps it. */
    width?: number;
    /** The save button's test id, which the browser journeys select by. */
    saveTestId?: string;
    /** The save button's text; 保存 unless given. */
    saveLabel?: ReactNode;
  };

/**
 * The drawer twin of `FormModal`, for forms too long for a dialog: Cancel and Save at the top right, Save submits the
 * form through `useSaveForm` (server field errors land on the fields), Cancel and the close icon close it.
 */
export function FormDrawer<V>({ onClose, width = 520, saveTestId, saveLabel, open = true, ...props }: Props<V>) {
  const { body, rest: drawer } = splitBodyProps(props);
  const { form, save } = body;
  const { t } = useTranslation();
  return (
    <Drawer
      {...drawer}
      open={open}
      size={Math.min(width, window.innerWidth)}
      onClose={() => onClose()}
      extra={
        <Space>
          <Button onClick={() => onClose()}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.saving} onClick={() => form.submit()} {...(saveTestId ? { 'data-testid': saveTestId } : {})}>
            {saveLabel ?? t('common.save')}
          </Button>
        </Space>
      }
    >
      <FormBody {...body} />
    </Drawer>
  );
}
