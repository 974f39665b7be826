import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  changePasswordBody,
  localeBody,
  loginBody,
  meResponse,
  mfaCodeBody,
  mfaDisableBody,
  mfaSetupResponse,
  mfaStatusResponse,
  recoveryCodesResponse,
} from '../../../shared/modules/auth.schemas';
import type { Deps } from '../deps';
import { SESSION_COOKIE, userCtx } from '../http/request-context';
import { authenticate, changeOwnPassword, describeMe, login, logout, setLocale } from './auth.service';
import { disableMfa, enableMfa, mfaStatus, renewRecoveryCodes, startEnrolment, verifySignIn } from './mfa';

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

  r.post('/api/auth/logout', { config: { duringPasswordChange: true, duringMfa: true }, schema: { tags: ['auth'] } }, async (req, reply) => {
    await logout(deps, userCtx(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  r.get('/api/auth/me', { config: { duringPasswordChange: true, duringMfa: true }, schema: { tags: ['auth'], response: { 200: meResponse } } }, async (req) =>
    describeMe(deps, userCtx(req).user),
  );

  r.post('/api/auth/password', { config: { duringPasswordChange: true }, schema: { tags: ['auth'], body: changePasswordBody } }, async (req, reply) => {
    await changeOwnPassword(deps, userCtx(req), req.body.currentPassword, req.body.newPassword);
    return reply.status(204).send();
  });

  r.put('/api/auth/locale', { config: { duringPasswordChange: true, duringMfa: true }, schema: { tags: ['auth'], body: localeBody } }, async (req, reply) => {
    await setLocale(deps, userCtx(req), req.body.locale);
    return reply.status(204).send();
  });

  // The second factor. Signing in and enrolling are reachable while the session waits for it (and before a forced
  // password change, which comes after it); the rest is the user's own security page.
  const mfaStep = { duringPasswordChange: true, duringMfa: true };
  const tagsMfa = ['auth'];
  r.get('/api/auth/mfa', { config: mfaStep, schema: { tags: tagsMfa, response: { 200: mfaStatusResponse } } }, (req) => mfaStatus(deps, userCtx(req)));
  r.post('/api/auth/mfa/verify', { config: mfaStep, schema: { tags: tagsMfa, body: mfaCodeBody, response: { 200: meResponse } } }, async (req) => {
    const ctx = userCtx(req);
    await verifySignIn(deps, ctx, req.body.code);
    return describeMe(deps, { ...ctx.user, mfaPending: null });
  });
  r.post('/api/auth/mfa/setup', { config: mfaStep, schema: { tags: tagsMfa, response: { 200: mfaSetupResponse } } }, (req) =>
    startEnrolment(deps, userCtx(req)),
  );
  r.post('/api/auth/mfa/enable', { config: mfaStep, schema: { tags: tagsMfa, body: mfaCodeBody, response: { 200: recoveryCodesResponse } } }, (req) =>
    enableMfa(deps, userCtx(req), req.body.code),
  );
  r.post(
    '/api/auth/mfa/recovery-codes',
    { config: { duringPasswordChange: true }, schema: { tags: tagsMfa, body: mfaCodeBody, response: { 200: recoveryCodesResponse } } },
    (req) => renewRecoveryCodes(deps, userCtx(req), req.body.code),
  );
  r.post('/api/auth/mfa/disable', { config: { duringPasswordChange: true }, schema: { tags: tagsMfa, body: mfaDisableBody } }, async (req, reply) => {
    await disableMfa(deps, userCtx(req), req.body.password);
    return reply.status(204).send();
  });
}
