import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Me } from '../../shared/modules/auth.schemas';
import { can, type Permission } from '../../shared/permissions';
import { ApiError, api, setCsrfToken, setSessionProblemHandler } from './api';
import { applyLocale, currentLocale } from './i18n';

export const meKey = ['me'] as const;

/** Only paths inside this site, so a crafted link cannot send the user elsewhere after sign-in. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Set when someone picks a language on the sign-in page: that choice then becomes their saved language. */
let localePickedBeforeSignIn = false;
let sessionNotice: string | null = null;

/** Takes over a session's CSRF token and the user's saved language. */
function adopt(me: Me): Me {
  setCsrfToken(me.csrfToken);
  if (me.user.locale !== currentLocale()) void applyLocale(me.user.locale);
  return me;
}

async function fetchMe(): Promise<Me | null> {
  try {
    return adopt(await api.get<Me>('/api/auth/me'));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The signed-in user, or null when nobody is signed in. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** A permission test bound to the signed-in user, using the same rule as the server. */
export function useCan(): (permission: Permission) => boolean {
  const { data } = useMe();
  return useCallback((permission: Permission) => can(data?.permissions, permission), [data]);
}

/** Signs in; the language picked on the sign-in page wins over the saved one. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { username: string; password: string }) => {
      let me = await api.post<Me>('/api/auth/login', body);
      setCsrfToken(me.csrfToken);
      const locale = currentLocale();
      if (localePickedBeforeSignIn && me.user.locale !== locale) {
        try {
          await api.put('/api/auth/locale', { locale });
          me = { ...me, user: { ...me.user, locale } };
        } catch {
          // Signed in all the same; the saved language simply stays.
        }
      }
      localePickedBeforeSignIn = false;
      sessionNotice = null;
      return adopt(me);
    },
    onSuccess: (me) => {
      // After a lost session someone else may sign in on this page: nothing cached may carry over.
      queryClient.clear();
      queryClient.setQueryData(meKey, me);
    },
  });
}

/** Signs out; the full page load afterwards drops everything cached in memory. */
export function useLogout() {
  return useMutation({
    mutationFn: () => api.post('/api/auth/logout'),
    onSettled: () => window.location.assign('/login'),
  });
}

/** Switches the language; for a signed-in user it is saved on the server. */
export function useSwitchLocale() {
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  return useMutation({
    mutationFn: async (locale: Me['user']['locale']) => {
      if (me) {
        await api.put('/api/auth/locale', { locale });
        queryClient.setQueryData<Me | null>(meKey, (old) => (old ? { ...old, user: { ...old.user, locale } } : old));
      } else {
        localePickedBeforeSignIn = true;
      }
      await applyLocale(locale);
    },
  });
}

/** Why the last session ended (expired, signed out elsewhere), for the sign-in page; null when it was not lost. */
export function getSessionNotice(): string | null {
  return sessionNotice;
}

/**
 * Reacts to a lost session or a required password change; the route guard then redirects
 * (to sign-in, keeping the path to come back to, or to the change-password page).
 */
export function installSessionHandler(queryClient: QueryClient): void {
  setSessionProblemHandler((error) => {
    if (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED') {
      sessionNotice = error.message;
      setCsrfToken(null);
      queryClient.setQueryData(meKey, null);
    } else {
      // PASSWORD_CHANGE_REQUIRED or a stale CSRF token: a fresh /me tells the guard what to do.
      void queryClient.invalidateQueries({ queryKey: meKey });
    }
  });
}
