import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { type Config, loadConfig } from '../config';
import type { DbHandle } from '../core/db/database';
import type { Clock, Deps } from '../core/deps';
import { DEMO_PASSWORD, countyFile, ensureDemoAccounts, loadCounty } from '../core/setup/bootstrap';
import { bootApp, demoOrder } from '../platform';
import { SESSION_COOKIE } from '../core/http/request-context';
import { openTestDb } from './test-db';
import type { UserContext } from '../core/access/context';
import { authenticate } from '../core/auth/auth.service';
import { stepAt, totpOf } from '../core/auth/mfa';
import { type Subscriptions, events } from '../core/events/events';

const DEMO_COUNTY = countyFile.parse(JSON.parse(fs.readFileSync(fileURLToPath(new URL('../../../scripts/demo/baofeng-county.json', import.meta.url)), 'utf8')));

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(private t = Date.parse('2026-03-02T01:00:00Z')) {}
  now() {
    return new Date(this.t);
  }
  /** Moves the clock to an instant, e.g. a county working day far from the default. */
  set(iso: string) {
    this.t = Date.parse(iso);
  }
  advanceMinutes(minutes: number) {
    this.t += minutes * 60_000;
  }
}

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  database: DbHandle;
  clock: TestClock;
  /** Signs in and returns a client that carries the session cookie and CSRF token. */
  signIn(username: string, password?: string): Promise<Client>;
  /** A client with no session. */
  anonymous(): Client;
  /** The request context a signed-in demo user's calls run with, for calling services directly. */
  contextOf(username: string): Promise<UserContext>;
  /** Looks up a demo unit's id by its code. */
  unitId(code: string): Promise<number>;
  /**
   * Subscribes a test's own handlers to the platform's event bus until the app closes: test files may share one
   * process (the server suites run without per-file isolation), so a subscriber must not outlive its file.
   */
  subscribe(name: string, subscriptions: Subscriptions): void;
  close(): Promise<void>;
}

export interface Client {
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  csrfToken: string;
}

function client(app: FastifyInstance, cookie?: string, csrfToken = ''): Client {
  const request = (opts: InjectOptions) =>
    app.inject({ ...opts, headers: { ...(cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {}), 'x-csrf-token': csrfToken, ...(opts.headers ?? {}) } });
  const withBody = (method: 'POST' | 'PATCH' | 'PUT') => (url: string, payload?: unknown) =>
    request({ method, url, payload: (payload ?? {}) as InjectOptions['payload'] });
  return {
    request,
    get: (url) => request({ method: 'GET', url }),
    post: withBody('POST'),
    patch: withBody('PATCH'),
    put: withBody('PUT'),
    delete: (url) => request({ method: 'DELETE', url }),
    csrfToken,
  };
}

/**
 * The app on a fresh database of its own (or on `database`, migrated and empty), with the demo county and its
 * accounts loaded; `overrides` adjust its configuration.
 */
export async function createTestApp(overrides: Partial<Config> = {}, database?: DbHandle): Promise<TestApp> {
  database ??= await openTestDb();
  const clock = new TestClock();
  // Uploaded files go to a folder of this app's own, removed on close, never into the working tree.
  const attachmentsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'icp-attachments-'));
  const config: Config = { ...loadConfig({}, []), demo: true, webDist: '/nonexistent', attachmentsDir, ...overrides };
  const { app, deps } = await bootApp({ config, database, clock, logger: false });
  await loadCounty(deps, DEMO_COUNTY);
  await ensureDemoAccounts(deps, DEMO_COUNTY);
  await app.ready();
  const subscribers: string[] = [];

  return {
    app,
    deps,
    database,
    clock,
    async signIn(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
      const signedIn = client(app, cookie, res.json().csrfToken);
      if (res.json().mfaPending) await completeSecondFactor(signedIn, deps, clock, res.json());
      return signedIn;
    },
    anonymous: () => client(app),
    async contextOf(username) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
      const user = await authenticate(deps, res.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '');
      if (!user || user === 'expired') throw new Error(`no session for ${username}`);
      return { user: { ...user, mfaPending: null }, ip: null, userAgent: null, locale: 'zh-CN' };
    },
    async unitId(code) {
      const row = await deps.db.selectFrom('orgUnits').select('id').where('code', '=', code).executeTakeFirstOrThrow();
      return row.id;
    },
    subscribe(name, subscriptions) {
      events.subscribe(name, subscriptions);
      subscribers.push(name);
    },
    async close() {
      for (const name of subscribers) events.unsubscribe(name);
      await app.close();
      await database.close();
      fs.rmSync(attachmentsDir, { recursive: true, force: true });
    },
  };
}

/**
 * Gives a session that waits for the second factor what it waits for, as the user's phone would: the code of the
 * enrolled secret (demo administrators have one), or an enrolment. A code works once per 30-second step, so a later
 * step within the accepted drift is used and, when those are spent, the test clock moves on 30 seconds.
 */
export async function completeSecondFactor(signedIn: Client, deps: Deps, clock: TestClock, me: { user: { id: number }; mfaPending: 'verify' | 'enrol' }) {
  if (me.mfaPending === 'enrol') {
    const { secret } = (await signedIn.post('/api/auth/mfa/setup')).json();
    const res = await signedIn.post('/api/auth/mfa/enable', { code: totpOf(secret).generate({ timestamp: clock.now().getTime() }) });
    if (res.statusCode !== 200) throw new Error(`enrolment failed: ${res.statusCode} ${res.body}`);
    return;
  }
  const mfa = await deps.db.selectFrom('userMfa').selectAll().where('userId', '=', me.user.id).executeTakeFirstOrThrow();
  let lastStep = mfa.lastStep;
  if (lastStep !== null && lastStep > stepAt(clock.now()) + 1) {
    // The test moved the clock back past a code already used: time travel no phone does, so forget that code.
    await deps.db.updateTable('userMfa').set({ lastStep: null }).where('userId', '=', me.user.id).execute();
    lastStep = null;
  }
  const unused = () => [-1, 0, 1].map((d) => stepAt(clock.now()) + d).find((s) => lastStep === null || s > lastStep);
  let step = unused();
  while (step === undefined) {
    clock.advanceMinutes(0.5);
    step = unused();
  }
  const res = await signedIn.post('/api/auth/mfa/verify', { code: totpOf(mfa.secret as string).generate({ timestamp: step * 30_000 }) });
  if (res.statusCode !== 200) throw new Error(`second factor failed: ${res.statusCode} ${res.body}`);
}

/** Loads every module's demo data (projects, chains, firm accounts…) into a test app, as `--demo` does at start. */
export async function loadModuleDemos(t: TestApp): Promise<void> {
  for (const m of demoOrder()) await m.demo?.(t.deps, DEMO_COUNTY);
}

/** Sends one file as multipart/form-data (field `file`), the way a browser form does. */
export function uploadFile(client: Client, url: string, fileName: string, bytes: Buffer, contentType = 'application/octet-stream') {
  const boundary = '----icp-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const payload = Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return client.request({ method: 'POST', url, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}
