import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';

type Props<T extends string> = Omit<SelectProps<T>, 'options'> & {
  /** The enum's values, in the order shown. */
  values: readonly T[];
} & ({ labelKey: string; label?: never } | { label: (value: T) => string; labelKey?: never });

/** A Select over an enum's values, each labelled from the catalogue (`labelKey.value`) or by `label(value)`. */
export function EnumSelect<T extends string>({ values, labelKey, label, ...select }: Props<T>) {
  const { t } = useTranslation();
  // The key is made at run time from a prefix and a value, which i18next's key types cannot follow.
  const labelOf = label ?? ((value: T) => t(`${labelKey}.${value}` as never));
  return <Select<T> {...select} options={values.map((value) => ({ value, label: labelOf(value) }))} />;
}
