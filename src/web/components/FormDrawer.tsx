import { Button, Drawer, type DrawerProps, Form, type FormInstance, type FormProps, Space } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveForm } from '../lib/save-form';

type Props<V> = Omit<DrawerProps, 'onClose' | 'extra' | 'size' | 'width' | 'children'> & {
  form: FormInstance<V>;
  /** From `useSaveForm`: the form's `onFinish` and the save button's spinner. */
  save: SaveForm<V>;
  onClose: () => void;
  /** The drawer's width in pixels; a phone's narrower screen caps it. */
  width?: number;
  /** The save button's test id, which the browser journeys select by. */
  saveTestId?: string;
  /** The save button's text; 保存 unless given. */
  saveLabel?: ReactNode;
  initialValues?: Partial<V>;
  /** The form's `name`, which prefixes its field ids. */
  name?: string;
  formTestId?: string;
  formStyle?: CSSProperties;
  onValuesChange?: FormProps<V>['onValuesChange'];
  /** Shown above the form (a switch between records, a hint). */
  header?: ReactNode;
  /** Shown below the form. */
  after?: ReactNode;
  children: ReactNode;
};

/**
 * The drawer twin of `FormModal`, for forms too long for a dialog: Cancel and Save at the top right, Save submits the
 * form through `useSaveForm` (server field errors land on the fields), Cancel and the close icon close it.
 */
export function FormDrawer<V>({
  form,
  save,
  onClose,
  width = 520,
  saveTestId,
  saveLabel,
  initialValues,
  name,
  formTestId,
  formStyle,
  onValuesChange,
  header,
  after,
  children,
  open = true,
  ...drawer
}: Props<V>) {
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
      {header}
      <Form
        form={form}
        name={name}
        layout="vertical"
        onFinish={save.onFinish}
        initialValues={initialValues}
        data-testid={formTestId}
        style={formStyle}
        onValuesChange={onValuesChange}
      >
        {children}
      </Form>
      {after}
    </Drawer>
  );
}
