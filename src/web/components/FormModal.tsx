import { Modal, type ModalProps } from 'antd';
import { FormBody, type FormBodyProps, splitBodyProps } from './FormBody';

type Props<V> = Omit<ModalProps, 'onOk' | 'onCancel' | 'confirmLoading' | 'okButtonProps' | 'destroyOnHidden' | 'children'> &
  FormBodyProps<V> & {
    onClose: () => void;
    /** The OK button's element id and test id, which the browser journeys select by. */
    okId?: string;
    okTestId?: string;
  };

/** A dialog around one vertical form: OK submits it through `useSaveForm`, Cancel closes it, and closing discards it. */
export function FormModal<V>({ onClose, okId, okTestId, open = true, ...props }: Props<V>) {
  const { body, rest: modal } = splitBodyProps(props);
  const { form, save } = body;
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
      <FormBody {...body} />
    </Modal>
  );
}
