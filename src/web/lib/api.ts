import i18n from 'i18next';

/** An error answer from the API: `message` is already in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    /** The whole error body, for answers that carry more than fields (an import's rows and report). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type SessionProblemHandler = (error: ApiError) => void;

let csrfToken: string | null = null;
let onSessionProblem: SessionProblemHandler = () => {};

/** Remembers the CSRF token that every write must echo back. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Installs what happens when the session is lost or the password must be changed first. */
export function setSessionProblemHandler(handler: SessionProblemHandler): void {
  onSessionProblem = handler;
}

const SESSION_CODES = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED', 'PASSWORD_CHANGE_REQUIRED', 'CSRF']);

/** A query string (with its leading `?`) from an object's non-empty values. */
export function toQuery(params: object): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function headers(method: string, json: boolean): Headers {
  const result = new Headers({ Accept: 'application/json', 'Accept-Language': i18n.language });
  if (json) result.set('Content-Type', 'application/json');
  if (method !== 'GET' && csrfToken) result.set('X-CSRF-Token', csrfToken);
  return result;
}

async function send(method: string, url: string, body?: unknown): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: headers(method, body !== undefined),
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('error.network'));
  }
  if (response.ok) return response;
  const error = await toApiError(response);
  // The probe of /api/auth/me answers 401 whenever nobody is signed in; that is not a lost session.
  if (SESSION_CODES.has(error.code) && url !== '/api/auth/me') onSessionProblem(error);
  throw error;
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { code?: string; message?: string; fields?: Record<string, string> };
    if (body.code && body.message) return new ApiError(response.status, body.code, body.message, body.fields, body);
  } catch {
    // not JSON: a proxy or gateway answered
  }
  return new ApiError(response.status, `HTTP_${response.status}`, i18n.t('error.http', { status: response.status }));
}

async function json<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await send(method, url, body);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** The JSON API, with CSRF and language headers added. */
export const api = {
  get: <T>(url: string) => json<T>('GET', url),
  post: <T = void>(url: string, body?: unknown) => json<T>('POST', url, body ?? {}),
  put: <T = void>(url: string, body: unknown) => json<T>('PUT', url, body),
  patch: <T>(url: string, body: unknown) => json<T>('PATCH', url, body),
  delete: (url: string) => json<void>('DELETE', url),
};

function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded?.[1]) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/** Downloads a file (an .xlsx export) through fetch, so errors and lost sessions are handled like any call. */
export async function download(url: string): Promise<void> {
  const response = await send('GET', url);
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileNameOf(response, url.split('?')[0]?.split('/').pop() ?? 'export.xlsx');
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/**
 * Uploads one file as multipart/form-data (field `file`) with progress in percent. XMLHttpRequest rather than
 * fetch, because fetch reports no upload progress; errors and lost sessions are handled like any call.
 */
export function uploadFile<T>(url: string, file: Blob & { name?: string }, onProgress?: (percent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', i18n.language);
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', i18n.t('error.network')));
    xhr.onload = async () => {
      const response = new Response(xhr.status === 204 ? null : xhr.responseText, {
        status: xhr.status,
        headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? 'application/json' },
      });
      if (response.ok) return resolve((await response.json()) as T);
      const error = await toApiError(response);
      if (SESSION_CODES.has(error.code)) onSessionProblem(error);
      reject(error);
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
