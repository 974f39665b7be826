import { DatePicker, Form, Input } from 'antd';
import type { CSSProperties } from 'react';
import { datesToRange, rangeToDates } from '../lib/dates';

interface Props {
  /** The filter fields of the two ISO dates (YYYY-MM-DD), `from` and `to` unless the list names them otherwise. */
  from?: string;
  to?: string;
  placeholder?: [string, string];
  /** Lets either end stay empty, for an open-ended range. */
  openEnded?: boolean;
  style?: CSSProperties;
}

/**
 * A date range in a list's filter bar. The form holds the list's own `from`/`to` strings, so the bar's values are the
 * list's filters as they are, and 重置 clears the range with the other fields.
 */
export function DateRangeFilter({ from = 'from', to = 'to', placeholder, openEnded, style }: Props) {
  const form = Form.useFormInstance();
  const start: string | undefined = Form.useWatch(from, form);
  const end: string | undefined = Form.useWatch(to, form);
  return (
    <>
      <Form.Item name={from} hidden>
        <Input />
      </Form.Item>
      <Form.Item name={to} hidden>
        <Input />
      </Form.Item>
      <Form.Item>
        <DatePicker.RangePicker
          value={datesToRange(start, end)}
          onChange={(range) => {
            const dates = rangeToDates(range);
            form.setFieldsValue({ [from]: dates.from, [to]: dates.to });
          }}
          allowEmpty={openEnded ? [true, true] : undefined}
          placeholder={placeholder}
          style={style}
        />
      </Form.Item>
    </>
  );
}
