import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  confirmRegistrationBody,
  correctionIdParams,
  correctionListQuery,
  correctionPage,
  correctionSchema,
  dispatchMeetingsResponse,
  liftBody,
  liftDecisionBody,
  proposeCorrectionBody,
  reasonBody,
  registerBody,
  registeredResponse,
  registrationIdParams,
  registrationListQuery,
  registrationPage,
  registrationSchema,
  registrationTownships,
  requestIdParams,
  requestSchema,
  scheduleLiftBody,
} from '../../../shared/modules/services.schemas';
import type { Deps } from '../../core/deps';
import { userCtx } from '../../core/http/request-context';
import { acceptCorrection, getCorrection, listCorrections, proposeCorrection, refuseCorrection } from './corrections.service';
import { decideLift, dispatchMeetings, liftRequest, scheduleLift } from './lift.service';
import { confirmRegistration, listRegistrations, refuseRegistration, register, registrationTownships as townships } from './registrations.service';
import { getRequest } from './services.service';

/** The portal's paperwork: self-registration, profile corrections, and requests lifted to a 调度会. */
export function portalRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['services'];
  const open = { public: true } as const;
  const read = { permission: 'service:read' } as const;
  const handle = { permission: 'service:handle' } as const;
  const submit = { permission: 'service:submit' } as const;
  const manage = { permission: 'service:manage' } as const;
  const accounts = { permission: 'service:accounts' } as const;
  const profiles = { permission: 'enterprise:write' } as const;

  // Self-registration: the form is public and throttled per address; the township confirms.
  r.get('/api/services/registration/townships', { config: open, schema: { tags, response: { 200: registrationTownships } } }, async () => ({
    items: await townships(deps),
  }));
  r.post('/api/services/registrations', { config: open, schema: { tags, body: registerBody, response: { 200: registeredResponse } } }, (req) =>
    register(deps, req.ctx, req.body),
  );
  r.get('/api/services/registrations', { config: accounts, schema: { tags, querystring: registrationListQuery, response: { 200: registrationPage } } }, (req) =>
    listRegistrations(deps, userCtx(req), req.query),
  );
  r.post(
    '/api/services/registrations/:id/confirm',
    { config: accounts, schema: { tags, params: registrationIdParams, body: confirmRegistrationBody, response: { 200: registrationSchema } } },
    (req) => confirmRegistration(deps, userCtx(req), req.params.id, req.body),
  );
  r.post(
    '/api/services/registrations/:id/refuse',
    { config: accounts, schema: { tags, params: registrationIdParams, body: reasonBody, response: { 200: registrationSchema } } },
    (req) => refuseRegistration(deps, userCtx(req), req.params.id, req.body.reason),
  );

  // Corrections of a firm's own profile.
  r.get('/api/services/corrections', { config: read, schema: { tags, querystring: correctionListQuery, response: { 200: correctionPage } } }, (req) =>
    listCorrections(deps, userCtx(req), req.query),
  );
  r.post('/api/services/corrections', { config: submit, schema: { tags, body: proposeCorrectionBody, response: { 200: correctionSchema } } }, (req) =>
    proposeCorrection(deps, userCtx(req), req.body),
  );
  r.get('/api/services/corrections/:id', { config: read, schema: { tags, params: correctionIdParams, response: { 200: correctionSchema } } }, (req) =>
    getCorrection(deps, userCtx(req), req.params.id),
  );
  r.post(
    '/api/services/corrections/:id/accept',
    { config: profiles, schema: { tags, params: correctionIdParams, response: { 200: correctionSchema } } },
    (req) => acceptCorrection(deps, userCtx(req), req.params.id),
  );
  r.post(
    '/api/services/corrections/:id/refuse',
    { config: profiles, schema: { tags, params: correctionIdParams, body: reasonBody, response: { 200: correctionSchema } } },
    (req) => refuseCorrection(deps, userCtx(req), req.params.id, req.body.reason),
  );

  // A request lifted to a 调度会.
  r.post(
    '/api/services/requests/:id/lift',
    { config: handle, schema: { tags, params: requestIdParams, body: liftBody, response: { 200: requestSchema } } },
    async (req) => {
      await liftRequest(deps, userCtx(req), req.params.id, req.body.reason);
      return getRequest(deps, userCtx(req), req.params.id);
    },
  );
  r.get('/api/services/dispatch-meetings', { config: manage, schema: { tags, response: { 200: dispatchMeetingsResponse } } }, async (req) => ({
    items: await dispatchMeetings(deps, userCtx(req)),
  }));
  r.post(
    '/api/services/requests/:id/lift/meeting',
    { config: manage, schema: { tags, params: requestIdParams, body: scheduleLiftBody, response: { 200: requestSchema } } },
    async (req) => {
      await scheduleLift(deps, userCtx(req), req.params.id, req.body.meetingId);
      return getRequest(deps, userCtx(req), req.params.id);
    },
  );
  r.post(
    '/api/services/requests/:id/lift/decision',
    { config: manage, schema: { tags, params: requestIdParams, body: liftDecisionBody, response: { 200: requestSchema } } },
    async (req) => {
      await decideLift(deps, userCtx(req), req.params.id, req.body);
      return getRequest(deps, userCtx(req), req.params.id);
    },
  );
}
