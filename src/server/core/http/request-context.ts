import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { localeFromHeader } from '../../../shared/i18n/messages';
import type { Permission } from '../../../shared/permissions';
import type { RequestContext, UserContext } from '../access/context';
import { authenticate } from '../auth/auth.service';
import type { Deps } from '../deps';
import { AppError, fieldError } from './errors';

export const SESSION_COOKIE = 'icp_sid';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Per-route access rules, declared in the route's `config`. */
export interface RouteAccess {
  /** No sign-in needed (login, health, docs). */
  public?: boolean;
  /** Reachable while the user still has to change the password. */
  duringPasswordChange?: boolean;
  /** Reachable while the session still owes the second factor (sign-in's last step and enrolment). */
  duringMfa?: boolean;
  /** Permission checked before the body is even validated. */
  permission?: Permission;
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyContextConfig extends RouteAccess {}
}

/** The signed-in context of a request on a route that requires sign-in. */
export function userCtx(req: FastifyRequest): UserContext {
  if (!req.ctx.user) throw new AppError('UNAUTHENTICATED');
  return req.ctx as UserContext;
}

/**
 * Resolves the session cookie on every request and enforces sign-in, the second factor, forced password change, CSRF and the
 * route's permission before anything else runs, so no handler can forget them.
 */
export function registerRequestContext(app: FastifyInstance, deps: Deps) {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const token = req.url.startsWith('/api/') ? req.cookies[SESSION_COOKIE] : undefined;
    const session = token ? await authenticate(deps, token) : null;
    const user = session && session !== 'expired' ? session : null;
    req.ctx = {
      user,
      ip: req.ip ?? null,
      userAgent: req.headers['user-agent']?.slice(0, 300) ?? null,
      locale: user?.locale ?? localeFromHeader(req.headers['accept-language']),
    };
    if (session === 'expired') reply.clearCookie(SESSION_COOKIE, { path: '/' });
    if (!token && !req.url.startsWith('/api/')) return;
    const access = req.routeOptions.config ?? {};
    if (access.public) return;
    if (!user) throw new AppError(session === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== user.csrfToken) throw new AppError('CSRF');
    // The second factor first: a password alone must not even reach the password change.
    if (user.mfaPending && !access.duringMfa) throw new AppError('MFA_REQUIRED');
    if (user.passwordChangeReason && !access.duringPasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (access.permission && !user.permissions.has(access.permission)) throw new AppError('FORBIDDEN');
  });
}

// NUL cannot be stored in a PostgreSQL text column and no one types it: refused at the door, on both databases alike.
const NUL = '\u0000';

/** The path (`a.b.0`) of the first string holding a NUL character in a parsed body or query, if any. */
export function nulPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path || '_' : null;
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = nulPath(inner, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** Refuses a request whose body or query holds a NUL character with a 400 naming the field, before validation. */
export function refuseControlCharacters(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const path = nulPath(req.body) ?? nulPath(req.query);
    if (path) throw fieldError({ [path]: 'err.control_char' });
  });
}
