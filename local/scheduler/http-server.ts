import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SchedulerApiError, validationError } from './errors';
import type { SchedulerOperations } from './operations';

export interface ApiServer {
  /** Base URL for `AWS_ENDPOINT_URL_SCHEDULER` or a SchedulerClient's `endpoint`. */
  endpoint: string;
  close(): Promise<void>;
}

type Handler = (name: string, query: URLSearchParams, body: unknown) => unknown;

interface Route {
  method: string;
  path: RegExp;
  handle: Handler;
}

/** Paths and methods as the SDK's restJson1 serializer sends them; `{Name}` is the captured segment. */
function routes(operations: SchedulerOperations): Route[] {
  const item = (collection: string) => new RegExp(`^/${collection}/([^/]+)$`);
  const list = (collection: string) => new RegExp(`^/${collection}/?$`);
  return [
    {
      method: 'POST',
      path: item('schedules'),
      handle: (name, _, body) => operations.createSchedule(name, body),
    },
    {
      method: 'PUT',
      path: item('schedules'),
      handle: (name, _, body) => operations.updateSchedule(name, body),
    },
    {
      method: 'GET',
      path: item('schedules'),
      handle: (name, query) => operations.getSchedule(name, query.get('groupName')),
    },
    {
      method: 'DELETE',
      path: item('schedules'),
      handle: (name, query) => operations.deleteSchedule(name, query.get('groupName')),
    },
    { method: 'GET', path: list('schedules'), handle: (_, query) => operations.listSchedules(query) },
    { method: 'POST', path: item('schedule-groups'), handle: (name) => operations.createScheduleGroup(name) },
    { method: 'GET', path: item('schedule-groups'), handle: (name) => operations.getScheduleGroup(name) },
    {
      method: 'DELETE',
      path: item('schedule-groups'),
      handle: (name) => operations.deleteScheduleGroup(name),
    },
    {
      method: 'GET',
      path: list('schedule-groups'),
      handle: (_, query) => operations.listScheduleGroups(query),
    },
  ];
}

export async function startApiServer(
  operations: SchedulerOperations,
  options: { port: number; host?: string; log: (line: string) => void },
): Promise<ApiServer> {
  const table = routes(operations);
  const server = createServer((request, response) => {
    answer(table, request, response, options.log).catch((error: unknown) => {
      options.log(`failed to answer ${request.method} ${request.url}: ${String(error)}`);
      response.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // SDK clients keep connections alive; idle ones would otherwise hold close() open.
        server.closeIdleConnections();
      }),
  };
}

async function answer(
  table: Route[],
  request: IncomingMessage,
  response: ServerResponse,
  log: (line: string) => void,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const body = await readBody(request);
  try {
    const route = table.find(
      (candidate) => candidate.method === request.method && candidate.path.test(url.pathname),
    );
    if (!route) {
      send(response, 404, errorHeaders('UnknownOperationException'), {
        Message: `The local scheduler emulator does not support ${request.method} ${url.pathname}: it emulates schedule and schedule-group operations only.`,
      });
      return;
    }
    const name = decodeSegment(route.path.exec(url.pathname)?.[1]);
    send(response, 200, {}, route.handle(name, url.searchParams, parseJson(body)));
  } catch (error) {
    if (error instanceof SchedulerApiError) {
      send(response, error.statusCode, errorHeaders(error.type), { Message: error.message });
      return;
    }
    log(
      `internal error on ${request.method} ${url.pathname}: ${error instanceof Error ? error.stack : String(error)}`,
    );
    send(response, 500, errorHeaders('InternalServerException'), {
      Message: `Local scheduler error: ${String(error)}`,
    });
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseJson(body: string): unknown {
  if (body.trim() === '') return {};
  try {
    return JSON.parse(body);
  } catch {
    throw validationError('The request body is not valid JSON.');
  }
}

function decodeSegment(segment: string | undefined): string {
  if (segment === undefined) return '';
  try {
    return decodeURIComponent(segment);
  } catch {
    throw validationError(`The path segment ${segment} is not valid URI encoding.`);
  }
}

/** The SDK picks the exception class from this header (restJson1), and the message from the body. */
function errorHeaders(type: string): Record<string, string> {
  return { 'x-amzn-ErrorType': type };
}

function send(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: unknown,
): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-RequestId': randomUUID(),
  });
  response.end(payload);
}
