import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api';

/**
 * Puts the server's per-field messages on the form's fields. `roleIds.0` lands on `roleIds`; a path into a list
 * (`decisions.0.dueDate`) lands on that row's field as well. `rename` maps a server path to the form's name for it.
 */
export function setFieldErrors(form: FormInstance, fields: Record<string, string>, rename: (path: string) => string = (p) => p): void {
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const add = (name: (string | number)[], message: string) => {
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(message);
    byField.set(key, entry);
  };
  for (const [serverPath, message] of Object.entries(fields)) {
    const segments = rename(serverPath)
      .split('.')
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    add(segments.slice(0, 1), message);
    if (segments.length > 2) add(segments, message);
  }
  form.setFields([...byField.values()]);
}

/** Shows an API error: field messages on the form, the overall message as a toast. */
export function useShowError(): (error: unknown, form?: FormInstance, rename?: (path: string) => string) => void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FormInstance, rename?: (path: string) => string) => {
      if (!(error instanceof ApiError)) {
        void message.error(t('error.unexpected'));
        return;
      }
      if (form && error.fields) setFieldErrors(form, error.fields, rename);
      // A lost session already took the user to the sign-in page, which explains it.
      if (error.code !== 'UNAUTHENTICATED' && error.code !== 'SESSION_EXPIRED') void message.error(error.message);
    },
    [message, t],
  );
}
