import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CreateScheduleGroupCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import type { ScheduledEvent } from 'aws-lambda';
import { EXPORT_PART_ROWS } from '#api/export-file';
import { cognitoSignIn } from '#aws/cognito-sign-in';
import { issuesFromZod, ValidationError } from '#domain/errors';
import { DEFAULT_PURGE_AFTER_MONTHS } from '#domain/retention';
import { parseSesEvent } from '#domain/ses-event';
import { adminApi } from '#functions/admin-api/app';
import { consoleFunction } from '#functions/console/app';
import { milestone } from '#functions/milestone/app';
import { publicApi } from '#functions/public-api/app';
import { reconcile } from '#functions/reconcile/app';
import { sesEvents } from '#functions/ses-events/app';
import type { HttpResult } from '#http/event';
import type { SignIn } from '#services/console-session';
import { authorize, lambdaContext, MAX_BODY_BYTES, matchRoute, toEvent } from './api-gateway';
import { LocalClock, parseIsoDuration } from './clock';
import { composeLocal, type LocalDependencies, localClientConfig } from './composition';
import { lockDataDir } from './data-lock';
import { ensureTable, startLocalDynamo } from './dynamo';
import {
  createLocalIdentity,
  LOCAL_CLIENT_ID,
  LOCAL_USER_POOL_ID,
  LOCAL_USERS,
  TokenRequest,
} from './identity';
import { readOutbox } from './outbox';
import { createLocalScheduler } from './scheduler';
import { type SesEventMail, startLocalSes } from './ses';
import { signInPage } from './sign-in-page';
import { toSnsEvent } from './sns';
import { type LocalLogLevel, terminalTelemetry } from './terminal-telemetry';

export interface LocalRuntimeOptions {
  /** HTTP API port; 0 picks a free one. */
  port: number;
  /** Folder for the table, the schedules, the clock and the token key; everything in memory when omitted. */
  dataDir?: string;
  /** The admin bearer token; when omitted, generated and kept in the data folder (`admin-token`). */
  adminToken?: string;
  /** Where the runtime's own lines and the functions' log lines go; the terminal by default. */
  log?: (line: string) => void;
  /** The functions' lines shown: all (`info`, the default), or only warnings and errors. */
  logLevel?: LocalLogLevel;
  /** The service's sending address. */
  mailFrom?: string;
  /** Where notices for the secretariat go (new briefing requests and GCM Talk proposals). */
  secretariatEmail?: string;
  /**
   * Emails per second, and how long a delivery claim holds (ms). The local SES has no quota: by default rounds
   * go as fast as the pipeline allows; 14 shows a round at a new SES account's pace.
   */
  sending?: { rate?: number; leaseMs?: number };
  /** Months after a review its personal data is purged (12 unless given). */
  purgeAfterMonths?: number;
  /** Puts something between the functions and the SES emulator (a test's fault injector): its endpoint. */
  sesInFront?: (emulatorEndpoint: string) => Promise<string>;
  /** The same between the functions and dynalite (a test's outage): its endpoint. */
  dynamoInFront?: (dynaliteEndpoint: string) => Promise<string>;
  /** Rows per part of an export: `EXPORT_PART_ROWS` unless given, fewer to see parts without thousands of rows. */
  exportPartRows?: number;
}

export type LocalFunctions = ReturnType<typeof localFunctions>;

/** Where each local component answers. */
export interface LocalUrls {
  api: string;
  outbox: string;
  clock: string;
  deadLetters: string;
  sesEvents: string;
  /** The SES emulator's own endpoint (its store, its raw messages). */
  ses: string;
  sesInbox: string;
  dynamodb: string;
  scheduler: string;
}

export interface LocalRuntime {
  apiUrl: string;
  adminToken: string;
  /** The key that signs links, for tests that forge or expire one. */
  signingKey: string;
  urls: LocalUrls;
  clock: LocalClock;
  /** The adapters the functions run with, for tests and benchmarks that look behind the API. */
  dependencies: LocalDependencies;
  /** The deployed functions' own handlers, built on those adapters. */
  functions: LocalFunctions;
  close(): Promise<void>;
}

/** The local clock's file under the data folder. */
export const CLOCK_FILE = 'clock.json';
/** The admin token's file under the data folder, where `npm run seed:roadmap` finds it. */
export const ADMIN_TOKEN_FILE = 'admin-token';
const TOKEN_SECRET_FILE = 'token-secret';
const TABLE_NAME = 'gcm-consultations';
const SCHEDULE_GROUP = 'gcm-consultations';
const ACCOUNT = '000000000000';
const MILESTONE_FUNCTION_ARN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:milestone`;
/** No quota on a laptop: the pipeline's own pace. */
const LOCAL_SEND_RATE = 1000;

function localFunctions(
  deps: LocalDependencies,
  telemetry: ReturnType<typeof terminalTelemetry>,
  signIn: SignIn,
) {
  const as = (fn: string) => ({ ...deps, ...telemetry.forFunction(fn) });
  const { invoked } = telemetry;
  return {
    'admin-api': invoked('admin-api', adminApi(as('admin-api'))),
    console: invoked('console', consoleFunction({ ...as('console'), signIn })),
    'public-api': invoked('public-api', publicApi(as('public-api'))),
    milestone: invoked('milestone', milestone(as('milestone'))),
    reconcile: invoked('reconcile', reconcile(as('reconcile'))),
    'ses-events': invoked('ses-events', sesEvents(as('ses-events'))),
  };
}

/**
 * The cloud on a laptop: dynalite for DynamoDB, aws-ses-v2-local for SES, a local EventBridge Scheduler on a
 * controllable clock, and an HTTP server in API Gateway's place. The functions are the very handlers deployed to
 * Lambda, built by a composition root of this runtime's own against the local components (nothing is read from
 * or written to this process's environment, so several runtimes can share a process).
 */
export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const log = options.log ?? ((line: string) => console.log(line));
  const telemetry = terminalTelemetry(log, options.logLevel);
  const dataDir = options.dataDir;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir ? lockDataDir(dataDir) : () => undefined;

  const dynamo = await startLocalDynamo({ port: 0, path: dataDir && join(dataDir, 'dynamodb') });
  const ses = await startLocalSes({ port: 0 });
  const clock = new LocalClock({ filePath: dataDir && join(dataDir, CLOCK_FILE) });
  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      log(`[api] ${String(error?.stack ?? error)}`);
      send(response, { statusCode: 500, body: JSON.stringify({ message: 'Internal Server Error' }) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, () => resolve());
  });
  const apiUrl = `http://localhost:${(server.address() as AddressInfo).port}`;

  // The scheduler fires into the sending function, which exists once the scheduler's endpoint does. It fires one
  // job at a time, each invocation awaited: the sending function's reserved concurrency of 1, under which Lambda
  // runs one invocation at a time and queues the others (rounds that fire together take turns at the SES rate).
  let functions: LocalFunctions | undefined;
  const scheduler = await createLocalScheduler({
    port: 0,
    dataDir,
    clock,
    log: (line) => log(`[scheduler] ${line}`),
    invoke: async (target) => {
      if (target.arn !== MILESTONE_FUNCTION_ARN || !functions)
        throw new Error(`no local function for target ${target.arn}`);
      await functions.milestone(target.input, lambdaContext('milestone', 10 * 60_000));
    },
  });
  const signingKey = keptSecret(dataDir, TOKEN_SECRET_FILE);
  const dependencies = composeLocal(
    {
      endpoints: {
        dynamodb: options.dynamoInFront ? await options.dynamoInFront(dynamo.endpoint) : dynamo.endpoint,
        ses: options.sesInFront ? await options.sesInFront(ses.endpoint) : ses.endpoint,
        scheduler: scheduler.endpoint,
      },
      tableName: TABLE_NAME,
      target: {
        group: SCHEDULE_GROUP,
        functionArn: MILESTONE_FUNCTION_ARN,
        roleArn: `arn:aws:iam::${ACCOUNT}:role/scheduler-invokes-milestone`,
        deadLetterArn: `arn:aws:sqs:us-east-1:${ACCOUNT}:scheduler-dead-letters`,
      },
      mailFrom: options.mailFrom ?? 'consultations@example.org',
      secretariatEmail: options.secretariatEmail ?? 'secretariat@example.org',
      publicBaseUrl: apiUrl,
      signingKey,
      sending: { rate: options.sending?.rate ?? LOCAL_SEND_RATE, leaseMs: options.sending?.leaseMs },
      exportPartRows: options.exportPartRows ?? EXPORT_PART_ROWS,
      purgeAfterMonths: options.purgeAfterMonths ?? DEFAULT_PURGE_AFTER_MONTHS,
    },
    clock,
    telemetry.forFunction('local'),
  );
  // The console signs in through the local user pool's managed-login stand-in, at /_local, with Cognito's verifier.
  const identity = await createLocalIdentity(dataDir, clock);
  const signIn = cognitoSignIn({
    domainUrl: `${apiUrl}/_local`,
    userPoolId: LOCAL_USER_POOL_ID,
    clientId: LOCAL_CLIENT_ID,
    jwks: await identity.jwks(),
  });
  functions = localFunctions(dependencies, telemetry, signIn);
  await ensureTable(dynamo.endpoint, TABLE_NAME);
  await ensureScheduleGroup(scheduler.endpoint);

  const adminToken = options.adminToken ?? keptSecret(dataDir, ADMIN_TOKEN_FILE);
  const running = functions;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const body = await readBody(request);
    if (body === undefined) return send(response, jsonResult(413, { message: 'Request Entity Too Large' }));
    if (url.pathname.startsWith('/_local/'))
      return send(response, await localRoute(request.method ?? 'GET', url, body));
    const matched = matchRoute(request.method ?? 'GET', url.pathname);
    if (!matched) return send(response, jsonResult(404, { message: 'Not Found' }));
    const claims =
      matched.route.auth === 'staff' ? await authorize(request, adminToken, identity) : undefined;
    if (matched.route.auth === 'staff' && !claims)
      return send(response, jsonResult(401, { message: 'Unauthorized' }));
    const event = toEvent(request, url, matched, body, clock.now(), claims);
    send(response, await running[matched.route.fn](event, lambdaContext(matched.route.fn)));
  }

  async function localRoute(method: string, url: URL, body: Buffer): Promise<HttpResult> {
    const key = `${method} ${url.pathname.replace(/\/$/, '')}`;
    if (key === 'GET /_local/outbox') {
      const to = url.searchParams.get('to') ?? undefined;
      return jsonResult(200, { emails: await readOutbox(ses.endpoint, { to }) });
    }
    if (key === 'GET /_local/clock') return jsonResult(200, { now: clock.now().toISOString() });
    if (key === 'POST /_local/clock') return moveClock(body);
    if (key === 'GET /_local/dead-letters') return jsonResult(200, { deadLetters: scheduler.deadLetters() });
    if (key === 'POST /_local/ses-events') return publishSesEvents(body);
    if (key === 'POST /_local/tokens') return issueToken(body);
    if (key === 'GET /_local/oauth2/authorize')
      return htmlResult(200, signInPage(Object.fromEntries(url.searchParams), LOCAL_USERS));
    if (key === 'POST /_local/oauth2/authorize')
      return authorizeLocally(new URLSearchParams(body.toString('utf8')));
    if (key === 'POST /_local/oauth2/token') return redeemCode(new URLSearchParams(body.toString('utf8')));
    if (key === 'GET /_local/logout') return redirectTo(url.searchParams.get('logout_uri') ?? '/');
    if (key === 'GET /_local/users') return jsonResult(200, { users: LOCAL_USERS });
    return jsonResult(404, {
      message: 'Not Found',
      local: [
        '/_local/outbox',
        '/_local/clock',
        '/_local/dead-letters',
        '/_local/ses-events',
        '/_local/tokens',
        '/_local/users',
        '/_local/oauth2/authorize',
        '/_local/oauth2/token',
        '/_local/logout',
      ],
    });
  }

  /**
   * The managed login's answer: the person chosen (or typed) gets a one-time code, bound to the PKCE challenge,
   * sent back to the console's callback, which alone may receive it.
   */
  function authorizeLocally(form: URLSearchParams): HttpResult {
    const redirectUri = form.get('redirect_uri') ?? '';
    if (form.get('client_id') !== LOCAL_CLIENT_ID || redirectUri !== `${apiUrl}/console/callback`)
      return jsonResult(400, {
        error: 'invalid_request',
        error_description: 'unknown client or redirect_uri',
      });
    if (form.get('code_challenge_method') !== 'S256' || !form.get('code_challenge'))
      return jsonResult(400, { error: 'invalid_request', error_description: 'PKCE with S256 is required' });
    const who = TokenRequest.safeParse({
      email: form.get('email'),
      groups: (form.get('groups') ?? '').split(/[\s,]+/).filter(Boolean),
    });
    if (!who.success) return jsonResult(422, { error: 'invalid input', issues: issuesFromZod(who.error) });
    const code = identity.authorize(who.data, form.get('code_challenge') as string, redirectUri);
    const back = new URL(redirectUri);
    back.search = new URLSearchParams({ code, state: form.get('state') ?? '' }).toString();
    return redirectTo(back.toString());
  }

  /** The token endpoint: Cognito's answer to a code and its verifier, or `invalid_grant`. */
  async function redeemCode(form: URLSearchParams): Promise<HttpResult> {
    const idToken =
      form.get('grant_type') === 'authorization_code' && form.get('client_id') === LOCAL_CLIENT_ID
        ? await identity.redeem(
            form.get('code') ?? '',
            form.get('code_verifier') ?? '',
            form.get('redirect_uri') ?? '',
          )
        : undefined;
    if (!idToken) return jsonResult(400, { error: 'invalid_grant' });
    return jsonResult(200, {
      id_token: idToken,
      access_token: idToken,
      token_type: 'Bearer',
      expires_in: 3600,
    });
  }

  /** A bearer token for anyone in any groups, as the user pool would sign it after a sign-in. */
  async function issueToken(body: Buffer): Promise<HttpResult> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return jsonResult(400, { error: 'the body is not valid JSON' });
    }
    const asked = TokenRequest.safeParse(parsed);
    if (!asked.success)
      return jsonResult(422, { error: 'invalid input', issues: issuesFromZod(asked.error) });
    return jsonResult(200, { token: await identity.issue(asked.data), expiresIn: 3600 });
  }

  /**
   * SES's configuration set publishing to the SNS topic: each event (the body is one, or an array of them) reaches
   * the ses-events function in an SNS event of its own, as SNS delivers them. All are checked first, so that a
   * batch with a malformed event changes nothing.
   */
  async function publishSesEvents(body: Buffer): Promise<HttpResult> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return jsonResult(400, { error: 'the body is not valid JSON' });
    }
    const events: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
    const issues = events.flatMap((event, i) => {
      try {
        parseSesEvent(event);
        return [];
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        if (!Array.isArray(parsed)) return error.issues;
        const within = (field: string) => (field === '(body)' ? `[${i}]` : `[${i}].${field}`);
        return error.issues.map((issue) => ({ ...issue, field: within(issue.field) }));
      }
    });
    if (issues.length > 0) return jsonResult(400, { error: 'not an SES event', issues });
    const outcomes = [];
    for (const event of events) {
      // Checked above: each is an SES event record, whose message's tags SES adds as it publishes it.
      const published = ses.withMessageTags(event as SesEventMail);
      const sns = toSnsEvent(JSON.stringify(published), clock.now());
      outcomes.push(...(await running['ses-events'](sns, lambdaContext('ses-events'))));
    }
    return jsonResult(200, { count: events.length, outcomes });
  }

  async function moveClock(body: Buffer): Promise<HttpResult> {
    let request: { advanceBy?: unknown; set?: unknown };
    try {
      request = JSON.parse(body.toString('utf8') || '{}');
    } catch {
      return jsonResult(400, { error: 'the body is not valid JSON' });
    }
    let target: Date;
    try {
      if (typeof request.advanceBy === 'string')
        target = new Date(clock.now().getTime() + parseIsoDuration(request.advanceBy).toMillis());
      else if (typeof request.set === 'string' && !Number.isNaN(Date.parse(request.set)))
        target = new Date(request.set);
      else
        return jsonResult(400, {
          error: 'send {"advanceBy": "P30D"} (an ISO-8601 duration) or {"set": "2027-01-01T00:00:00Z"}',
        });
      if (target.getTime() < clock.now().getTime())
        return jsonResult(422, {
          error: `the local clock only moves forward; it is ${clock.now().toISOString()}`,
        });
    } catch (error) {
      return jsonResult(400, { error: (error as Error).message });
    }
    const fired = await scheduler.runDueUntil(target);
    return jsonResult(200, { now: clock.now().toISOString(), fired });
  }

  // What fell due while the runtime was stopped runs now; then the hourly reconcile rule's first run.
  await scheduler.start();
  const reconcileNow = () => running.reconcile(reconcileEvent(clock.now()), lambdaContext('reconcile'));
  await reconcileNow();
  const hourly = setInterval(() => {
    reconcileNow().catch((error) => log(`[reconcile] ${String(error)}`));
  }, 3600_000);
  hourly.unref();

  return {
    apiUrl,
    adminToken,
    signingKey,
    clock,
    dependencies,
    functions: running,
    urls: {
      api: apiUrl,
      outbox: `${apiUrl}/_local/outbox`,
      clock: `${apiUrl}/_local/clock`,
      deadLetters: `${apiUrl}/_local/dead-letters`,
      sesEvents: `${apiUrl}/_local/ses-events`,
      ses: ses.endpoint,
      sesInbox: ses.inboxUrl,
      dynamodb: dynamo.endpoint,
      scheduler: scheduler.endpoint,
    },
    close: async () => {
      clearInterval(hourly);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await scheduler.close();
      await ses.close();
      await dynamo.close();
      unlock();
    },
  };
}

/**
 * A secret of the runtime's (the key that signs links, the admin token): generated, and kept in the data folder so
 * that links and the token survive a restart.
 */
function keptSecret(dataDir: string | undefined, name: string): string {
  const generated = randomBytes(32).toString('base64url');
  if (!dataDir) return generated;
  const file = join(dataDir, name);
  if (!existsSync(file)) writeFileSync(file, generated, { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function ensureScheduleGroup(endpoint: string): Promise<void> {
  const client = new SchedulerClient(localClientConfig(endpoint));
  try {
    await client.send(new CreateScheduleGroupCommand({ Name: SCHEDULE_GROUP }));
  } catch (error) {
    if ((error as Error).name !== 'ConflictException') throw error;
  } finally {
    client.destroy();
  }
}

function reconcileEvent(now: Date): ScheduledEvent {
  return {
    version: '0',
    id: 'local',
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: ACCOUNT,
    time: now.toISOString(),
    region: 'us-east-1',
    resources: [],
    detail: {},
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const jsonResult = (statusCode: number, body: unknown): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body, null, 2),
});

function send(response: ServerResponse, result: HttpResult): void {
  const headers = Object.fromEntries(
    Object.entries(result.headers ?? {}).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
  );
  // API Gateway sends each of the result's `cookies` as a Set-Cookie header of its own.
  response.writeHead(result.statusCode, {
    ...headers,
    ...(result.cookies?.length ? { 'set-cookie': result.cookies } : {}),
  });
  response.end(result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
}

const htmlResult = (statusCode: number, body: string): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  body,
});

const redirectTo = (location: string): HttpResult => ({ statusCode: 302, headers: { location }, body: '' });
