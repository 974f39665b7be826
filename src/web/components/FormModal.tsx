import { Form, type FormInstance, type FormProps, Modal, type ModalProps } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import type { SaveForm } from '../lib/save-form';

type Props<V> = Omit<ModalProps, 'onOk' | 'onCancel' | 'confirmLoading' | 'okButtonProps' | 'destroyOnHidden' | 'children'> & {
  form: FormInstance<V>;
  /** From `useSaveForm`: the form's `onFinish` and the OK button's spinner. */
  save: SaveForm<V>;
  onClose: () => void;
  /** The OK button's element id and test id, which the browser journeys select by. */
  okId?: string;
  okTestId?: string;
  initialValues?: Partial<V>;
  /** The form's `name`, which prefixes its field ids. */
  name?: string;
  formTestId?: string;
  formStyle?: CSSProperties;
  onValuesChange?: FormProps<V>['onValuesChange'];
  /** Shown above the form (a hint, the record's summary). */
  header?: ReactNode;
  /** Shown below the form (a preview of what the values give). */
  after?: ReactNode;
  children: ReactNode;
};

/** A dialog around one vertical form: OK submits it through `useSaveForm`, Cancel closes it, and closing discards it. */
export function FormModal<V>({
  form,
  save,
  onClose,
  okId,
  okTestId,
  initialValues,
  name,
  formTestId,
  formStyle,
  onValuesChange,
  header,
  after,
  children,
  open = true,
  ...modal
}: Props<V>) {
  return (
    <Modal
      {...modal}
      open={open}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      confirmLoading={save.saving}
      okButtonProps={{ id: okId, ...(okTestId ? { 'data-testid': okTestId } : {}) }}
      destroyOnHidden
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
    </Modal>
  );
}
