import { Form, type FormInstance, type FormProps } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import type { SaveForm } from '../lib/save-form';

/** What `FormModal` and `FormDrawer` share: one vertical form saved through `useSaveForm`, with a header and a footer. */
export type FormBodyProps<V> = {
  form: FormInstance<V>;
  /** From `useSaveForm`: the form's `onFinish` and the save button's spinner. */
  save: SaveForm<V>;
  initialValues?: Partial<V>;
  /** The form's `name`, which prefixes its field ids. */
  name?: string;
  formTestId?: string;
  formStyle?: CSSProperties;
  onValuesChange?: FormProps<V>['onValuesChange'];
  /** Shown above the form (a hint, the record's summary, a switch between records). */
  header?: ReactNode;
  /** Shown below the form (a preview of what the values give). */
  after?: ReactNode;
  children: ReactNode;
};

/** The form inside a `FormModal` or `FormDrawer`. */
export function FormBody<V>({ form, save, initialValues, name, formTestId, formStyle, onValuesChange, header, after, children }: FormBodyProps<V>) {
  return (
    <>
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
    </>
  );
}

/** Separates the form's props from the frame's (the dialog's or drawer's own). */
export function splitBodyProps<V, R>(props: FormBodyProps<V> & R): { body: FormBodyProps<V>; rest: Omit<R, keyof FormBodyProps<V>> } {
  const { form, save, initialValues, name, formTestId, formStyle, onValuesChange, header, after, children, ...rest } = props;
  return { body: { form, save, initialValues, name, formTestId, formStyle, onValuesChange, header, after, children }, rest };
}
