import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useShowError } from './errors';
import { type FieldRename, fieldRenamer } from './field-paths';

export interface SaveFormOptions<R> {
  /** Runs after a successful save with its result: usually closes the dialog. */
  onDone?: (result: R) => void;
  /** The form's names for server field paths it calls otherwise (`amountFen` → `amount`). */
  rename?: FieldRename;
}

export interface SaveForm<V> {
  /** The form's `onFinish`: saves the validated values. */
  onFinish: (values: V) => Promise<void>;
  /** True while the save runs, for the OK button's spinner. */
  saving: boolean;
}

/**
 * Saves a form's values: runs `save`, then `onDone`; a failure puts the server's field messages on the form and shows
 * its overall message, and the dialog stays open for a correction.
 */
export function useSaveForm<V, R>(form: FormInstance<V>, save: (values: V) => Promise<R>, { onDone, rename }: SaveFormOptions<R> = {}): SaveForm<V> {
  const showError = useShowError();
  const [saving, setSaving] = useState(false);
  const onFinish = async (values: V) => {
    setSaving(true);
    try {
      const result = await save(values);
      onDone?.(result);
    } catch (error) {
      showError(error, form, fieldRenamer(rename));
    } finally {
      setSaving(false);
    }
  };
  return { onFinish, saving };
}
