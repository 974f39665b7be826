import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changePasswordBody, localeBody, loginBody, meResponse } from '../../../shared/modules/auth.schemas';
import type { Deps } from '../deps';
import { SESSION_COOKIE, userCtx } from '../http/request-context';
import { authenticate, changeOwnPassword, describeMe, login, logout, setLocale } from './auth.service';

/** Sign-in, sign-out, the current user and their own password and language. */
export function authRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookie = { httpOnly: true, sameSite: 'strict' as const, secure: deps.config.cookieSecure, path: '/' };

  r.post('/api/auth/login', { config: { public: true }, schema: { tags: ['auth'], body: loginBody, response: { 200: meResponse } } }, async (req, reply) => {
    const token = await login(deps, req.ctx, req.body.username, req.body.password);
    const user = await authenticate(deps, token);
    if (!user || user === 'expired') throw new Error('session vanished right after login');
    reply.setCookie(SESSION_COOKIE, token, cookie);
    return describeMe(deps, user);
  });

  r.post('/api/auth/logout', { config: { duringPasswordChange: true }, schema: { tags: ['auth'] } }, async (req, reply) => {
    await logout(deps, userCtx(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  r.get('/api/auth/me', { config: { duringPasswordChange: true }, schema: { tags: ['auth'], response: { 200: meResponse } } }, async (req) =>
    describeMe(deps, userCtx(req).user),
  );

  r.post('/api/auth/password', { config: { duringPasswordChange: true }, schema: { tags: ['auth'], body: changePasswordBody } }, async (req, reply) => {
    await changeOwnPassword(deps, userCtx(req), req.body.currentPassword, req.body.newPassword);
    return reply.status(204).send();
  });

  r.put('/api/auth/locale', { config: { duringPasswordChange: true }, schema: { tags: ['auth'], body: localeBody } }, async (req, reply) => {
    await setLocale(deps, userCtx(req), req.body.locale);
    return reply.status(204).send();
  });
}
