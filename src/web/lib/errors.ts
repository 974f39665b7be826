import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api';

/** Puts the server's per-field messages on the form's fields; `roleIds.0` lands on `roleIds`. */
export function setFieldErrors(form: FormInstance, fields: Record<string, string>): void {
  const byField = new Map<string, string[]>();
  for (const [path, message] of Object.entries(fields)) {
    const name = path.split('.')[0] ?? path;
    byField.set(name, [...(byField.get(name) ?? []), message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
}

/** Shows an API error: field messages on the form, the overall message as a toast. */
export function useShowError(): (error: unknown, form?: FormInstance) => void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (!(error instanceof ApiError)) {
        void message.error(t('error.unexpected'));
        return;
      }
      if (form && error.fields) setFieldErrors(form, error.fields);
      // A lost session already took the user to the sign-in page, which explains it.
      if (error.code !== 'UNAUTHENTICATED' && error.code !== 'SESSION_EXPIRED') void message.error(error.message);
    },
    [message, t],
  );
}
