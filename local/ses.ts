import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

/**
 * The package is CommonJS exporting `exports.default`, which an ESM default import resolves differently under Node
 * (the whole `exports` object) and vitest (the function); `require` gives the same object everywhere.
 */
const { default: startEmulator } = createRequire(import.meta.url)(
  'aws-ses-v2-local',
) as typeof import('aws-ses-v2-local');

/** Route added beside the emulator's own: `{ [sesMessageId]: base64 raw message }` for every SendRawEmail call. */
export const RAW_MESSAGES_PATH = '/raw-messages';

export interface LocalSesOptions {
  /** 0 picks a free port. */
  port: number;
}

export interface LocalSes {
  /** For `AWS_ENDPOINT_URL_SES`; also serves `GET /store`, `POST /clear-store` and `GET /raw-messages`. */
  endpoint: string;
  /** The emulator's web inbox. */
  inboxUrl: string;
  close(): Promise<void>;
}

/** Starts aws-ses-v2-local in this process, on the loopback interface only. */
export async function startLocalSes({ port }: LocalSesOptions): Promise<LocalSes> {
  const host = '127.0.0.1';
  const server = await startEmulator({ host, port });
  // The emulator resolves even when listening failed (its listen callback ignores the error), so check.
  if (!server.listening) {
    throw new Error(`aws-ses-v2-local could not listen on ${host}:${port}; is the port in use?`);
  }
  keepRawMessages(server);
  const endpoint = `http://${host}:${(server.address() as AddressInfo).port}`;
  // The emulator keeps its messages in module state: a runtime started after another in the same process
  // would otherwise show the earlier one's outbox.
  await fetch(`${endpoint}/clear-store`, { method: 'POST' });
  return {
    endpoint,
    inboxUrl: `${endpoint}/`,
    close: () => closeServer(server),
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // SDK clients keep their connections alive; without this, close would wait for them to time out.
    server.closeAllConnections();
  });
}

type FormRequest = IncomingMessage & { body?: Record<string, unknown> };

/**
 * The emulator parses a raw message and stores only addresses, subject, bodies and attachments: header fields such
 * as List-Unsubscribe are lost. This keeps each raw message, keyed by the MessageId the emulator answered with, so
 * the outbox can show the message as a mail client would receive it.
 */
function keepRawMessages(server: Server): void {
  const [emulator] = server.listeners('request') as RequestListener[];
  if (!emulator) throw new Error('aws-ses-v2-local started without a request handler');
  const rawMessages = new Map<string, string>();
  server.removeAllListeners('request');
  server.on('request', (request: FormRequest, response: ServerResponse) => {
    if (request.method === 'GET' && request.url === RAW_MESSAGES_PATH) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(Object.fromEntries(rawMessages)));
      return;
    }
    if (request.method === 'POST' && request.url === '/clear-store') rawMessages.clear();
    if (request.method === 'POST' && request.url === '/') rememberRawMessage(request, response, rawMessages);
    emulator(request, response);
  });
}

/**
 * The SES MessageId exists only in the emulator's XML reply, so the reply is read on its way out; by then the
 * emulator's body parser has put the form fields of the SES query request on `request.body`.
 */
function rememberRawMessage(
  request: FormRequest,
  response: ServerResponse,
  rawMessages: Map<string, string>,
): void {
  const end = response.end;
  response.end = function (this: ServerResponse, ...args: unknown[]) {
    const messageId = /<MessageId>([^<]+)<\/MessageId>/.exec(String(args[0]))?.[1];
    const raw = request.body?.['RawMessage.Data'];
    if (request.body?.Action === 'SendRawEmail' && messageId && typeof raw === 'string') {
      rawMessages.set(messageId, raw);
    }
    return Reflect.apply(end, this, args);
  } as ServerResponse['end'];
}
