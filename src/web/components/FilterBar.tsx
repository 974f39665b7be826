import { SearchOutlined } from '@ant-design/icons';
import { Button, Form, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props<V> {
  form: FormInstance<V>;
  onSearch: (values: V) => void;
  children: ReactNode;
  testId: string;
}

/** The filter row above a list: fields, then 查询 and 重置. */
export function FilterBar<V>({ form, onSearch, children, testId }: Props<V>) {
  const { t } = useTranslation();
  return (
    // The form name prefixes field ids, so they never clash with a dialog's fields on the same page.
    <Form form={form} name={testId} layout="inline" onFinish={onSearch} style={{ rowGap: 12, marginBottom: 16 }} data-testid={testId}>
      {children}
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch(form.getFieldsValue());
          }}
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
