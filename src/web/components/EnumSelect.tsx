import { Select, type SelectProps } from 'antd';

type Props<T extends string> = Omit<SelectProps<T>, 'options'> & {
  /** The enum's values, in the order shown. */
  values: readonly T[];
  /** A value's label; a function rather than a key prefix, so i18next's key types check every value's label. */
  label: (value: T) => string;
};

/** A Select over an enum's values, each labelled by `label(value)`. */
export function EnumSelect<T extends string>({ values, label, ...select }: Props<T>) {
  return <Select<T> {...select} options={values.map((value) => ({ value, label: label(value) }))} />;
}
