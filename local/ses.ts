import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { sesMessageId } from './ses-message-id';

/**
 * The package is CommonJS exporting `exports.default`, which an ESM default import resolves differently under Node
 * (the whole `exports` object) and vitest (the function); `require` gives the same object everywhere.
 */
const require = createRequire(import.meta.url);
const { default: startEmulator } = require('aws-ses-v2-local') as typeof import('aws-ses-v2-local');
/** Where the emulator draws its message ids from: every handler calls it through this module object. */
const emulatorIds = require('aws-ses-v2-local/dist/util') as { getMessageId: () => string };
emulatorIds.getMessageId = sesMessageId;

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
  /**
   * An SES event record as SES would publish it: `mail.tags` holds the tags its message was sent with (and
   * `ses:configuration-set`), beside those the record names itself, which win.
   */
  withMessageTags<E extends SesEventMail>(event: E): E;
  close(): Promise<void>;
}

/** What `withMessageTags` reads and writes of an SES event record. */
export interface SesEventMail {
  mail: { messageId: string; tags?: Record<string, string[]> };
}

/** Starts aws-ses-v2-local in this process, on the loopback interface only. */
export async function startLocalSes({ port }: LocalSesOptions): Promise<LocalSes> {
  const host = '127.0.0.1';
  const server = await startEmulator({ host, port });
  // The emulator resolves even when listening failed (its listen callback ignores the error), so check.
  if (!server.listening) {
    throw new Error(`aws-ses-v2-local could not listen on ${host}:${port}; is the port in use?`);
  }
  const sent = keepSentMessages(server);
  const endpoint = `http://${host}:${(server.address() as AddressInfo).port}`;
  // The emulator keeps its messages in module state: a runtime started after another in the same process
  // would otherwise show the earlier one's outbox.
  await fetch(`${endpoint}/clear-store`, { method: 'POST' });
  return {
    endpoint,
    inboxUrl: `${endpoint}/`,
    withMessageTags: (event) => ({
      ...event,
      mail: { ...event.mail, tags: { ...sent.tags.get(event.mail.messageId), ...event.mail.tags } },
    }),
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

/** What the emulator does not keep of each SendRawEmail call, by the MessageId it answered with. */
interface SentMessages {
  raw: Map<string, string>;
  tags: Map<string, Record<string, string[]>>;
}

/**
 * The emulator parses a raw message and stores only addresses, subject, bodies and attachments: header fields such
 * as List-Unsubscribe are lost, and so are the message's tags. This keeps each raw message, so the outbox can show
 * the message as a mail client would receive it, and its tags, which SES puts in every event about the message.
 */
function keepSentMessages(server: Server): SentMessages {
  const [emulator] = server.listeners('request') as RequestListener[];
  if (!emulator) throw new Error('aws-ses-v2-local started without a request handler');
  const sent: SentMessages = { raw: new Map(), tags: new Map() };
  server.removeAllListeners('request');
  server.on('request', (request: FormRequest, response: ServerResponse) => {
    if (request.method === 'GET' && request.url === RAW_MESSAGES_PATH) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(Object.fromEntries(sent.raw)));
      return;
    }
    if (request.method === 'POST' && request.url === '/clear-store') {
      sent.raw.clear();
      sent.tags.clear();
    }
    if (request.method === 'POST' && request.url === '/') rememberMessage(request, response, sent);
    emulator(request, response);
  });
  return sent;
}

/**
 * The SES MessageId exists only in the emulator's XML reply, so the reply is read on its way out; by then the
 * emulator's body parser has put the form fields of the SES query request on `request.body`.
 */
function rememberMessage(request: FormRequest, response: ServerResponse, sent: SentMessages): void {
  const end = response.end;
  response.end = function (this: ServerResponse, ...args: unknown[]) {
    const messageId = /<MessageId>([^<]+)<\/MessageId>/.exec(String(args[0]))?.[1];
    const body = request.body ?? {};
    const raw = body['RawMessage.Data'];
    if (body.Action === 'SendRawEmail' && messageId && typeof raw === 'string') {
      sent.raw.set(messageId, raw);
      sent.tags.set(messageId, tagsOf(body));
    }
    return Reflect.apply(end, this, args);
  } as ServerResponse['end'];
}

/** The query request's `Tags.member.N.Name` and `.Value` fields, as SES events list them: each name's values. */
function tagsOf(body: Record<string, unknown>): Record<string, string[]> {
  const tags: Record<string, string[]> = {};
  for (let n = 1; typeof body[`Tags.member.${n}.Name`] === 'string'; n++)
    tags[body[`Tags.member.${n}.Name`] as string] = [String(body[`Tags.member.${n}.Value`] ?? '')];
  if (typeof body.ConfigurationSetName === 'string')
    tags['ses:configuration-set'] = [body.ConfigurationSetName];
  return tags;
}
