import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearOutbox, readOutbox } from '#local/outbox';
import { type LocalSes, RAW_MESSAGES_PATH, startLocalSes } from '#local/ses';
import { composeRawEmail, type OutgoingEmail } from '#mail/compose';
import { sendRawEmail } from '#mail/ses-sender';

const invite = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');
const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);

let localSes: LocalSes;
let client: SESClient;

beforeAll(async () => {
  localSes = await startLocalSes({ port: 0 });
  client = new SESClient({
    endpoint: localSes.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    requestHandler: { requestTimeout: 5_000, throwOnRequestTimeout: true },
  });
});

afterAll(async () => {
  client.destroy();
  await localSes.close();
});

beforeEach(() => clearOutbox(localSes.endpoint));

function email(to: string, overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    from: { address: 'consultations@example.org', name: 'UN Network on Migration' },
    to: { address: to, name: 'أمينة حداد' },
    subject: 'المشاورة الإقليمية',
    text: 'نرحب بمشاركتكم',
    html: '<p dir="rtl">نرحب بمشاركتكم</p>',
    ...overrides,
  };
}

async function send(outgoing: OutgoingEmail): Promise<string> {
  return sendRawEmail(client, {
    raw: await composeRawEmail(outgoing),
    from: outgoing.from.address,
    to: outgoing.to.address,
    configurationSet: 'consultations',
  });
}

describe('the local outbox', () => {
  it('shows a raw message as JSON: addresses, subject, bodies, headers and attachments', async () => {
    const messageId = await send(
      email('delegate@example.org', {
        headers: {
          'List-Unsubscribe': '<https://example.org/unsubscribe?token=abc>',
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
        attachments: [{ filename: 'agenda.pdf', content: pdf, contentType: 'application/pdf' }],
        calendarInvite: { method: 'REQUEST', content: invite },
      }),
    );

    const [received, ...others] = await readOutbox(localSes.endpoint);

    expect(others).toEqual([]);
    expect(received).toMatchObject({
      messageId,
      from: '"UN Network on Migration" <consultations@example.org>',
      to: ['delegate@example.org'],
      cc: [],
      bcc: [],
      subject: 'المشاورة الإقليمية',
      text: 'نرحب بمشاركتكم',
      html: '<p dir="rtl">نرحب بمشاركتكم</p>',
      headers: {
        'list-unsubscribe': '<https://example.org/unsubscribe?token=abc>',
        'list-unsubscribe-post': 'List-Unsubscribe=One-Click',
      },
    });
    expect(Date.now() - Date.parse(received?.at ?? '')).toBeLessThan(60_000);
    expect(received?.headers).not.toHaveProperty('to');
    expect(received?.attachments).toEqual([
      { contentType: 'text/calendar', size: invite.length, encoding: 'utf8', content: invite },
      {
        filename: 'agenda.pdf',
        contentType: 'application/pdf',
        size: pdf.length,
        encoding: 'base64',
        content: pdf.toString('base64'),
      },
      {
        filename: 'invite.ics',
        contentType: 'application/ics',
        size: invite.length,
        encoding: 'utf8',
        content: invite,
      },
    ]);
  });

  it('filters by recipient, ignoring case', async () => {
    await send(email('first@example.org'));
    await send(email('second@example.org', { subject: 'Second' }));

    const toSecond = await readOutbox(localSes.endpoint, { to: 'Second@Example.org' });

    expect(toSecond.map(({ subject }) => subject)).toEqual(['Second']);
    expect(await readOutbox(localSes.endpoint)).toHaveLength(2);
  });

  it('also shows messages sent with SendEmail, which the emulator stores without headers', async () => {
    await client.send(
      new SendEmailCommand({
        Source: 'Consultations <consultations@example.org>',
        Destination: { ToAddresses: ['delegate@example.org'], CcAddresses: ['focal.point@example.org'] },
        Message: {
          Subject: { Data: 'Bienvenue' },
          Body: { Text: { Data: 'Texte' }, Html: { Data: '<p>Texte</p>' } },
        },
      }),
    );

    expect(await readOutbox(localSes.endpoint)).toMatchObject([
      {
        from: 'Consultations <consultations@example.org>',
        to: ['delegate@example.org'],
        cc: ['focal.point@example.org'],
        subject: 'Bienvenue',
        text: 'Texte',
        html: '<p>Texte</p>',
        headers: {},
        attachments: [],
      },
    ]);
  });

  it('is empty once cleared, raw messages included', async () => {
    await send(email('delegate@example.org'));

    await clearOutbox(localSes.endpoint);

    expect(await readOutbox(localSes.endpoint)).toEqual([]);
    const rawMessages = await fetch(`${localSes.endpoint}${RAW_MESSAGES_PATH}`);
    expect(await rawMessages.json()).toEqual({});
  });
});

describe('the SES emulator, as SES', () => {
  const SES_MESSAGE_ID =
    /^[0-9a-f]{16}-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}-000000$/;

  it("answers message ids shaped as SES's: the time, then a random UUID", async () => {
    const ids = [await send(email('first@example.org')), await send(email('second@example.org'))];

    for (const id of ids) expect(id).toMatch(SES_MESSAGE_ID);
    expect(new Set(ids).size).toBe(2);
    expect((await readOutbox(localSes.endpoint)).map((e) => e.messageId)).toEqual(ids);
  });

  it('never repeats a message id over far more messages than a round sends', () => {
    // The emulator's own source of ids, which every handler calls: 9 random digits repeat within 100,000 draws.
    const { getMessageId } = createRequire(import.meta.url)('aws-ses-v2-local/dist/util') as {
      getMessageId: () => string;
    };
    const ids = new Set(Array.from({ length: 100_000 }, getMessageId));

    expect(ids.size).toBe(100_000);
  });

  it("puts a message's tags in the events about it, as SES publishes them", async () => {
    const messageId = await sendRawEmail(client, {
      raw: await composeRawEmail(email('delegate@example.org')),
      from: 'consultations@example.org',
      to: 'delegate@example.org',
      configurationSet: 'consultations',
      tags: { 'delivery-round': 'WyJldXJvcGUtMjAyNyJd', campaign: 'reminders' },
    });
    const event = { eventType: 'Delivery', mail: { messageId, tags: { 'ses:source-ip': ['192.0.2.1'] } } };

    expect(localSes.withMessageTags(event)).toEqual({
      eventType: 'Delivery',
      mail: {
        messageId,
        tags: {
          'delivery-round': ['WyJldXJvcGUtMjAyNyJd'],
          campaign: ['reminders'],
          'ses:configuration-set': ['consultations'],
          'ses:source-ip': ['192.0.2.1'],
        },
      },
    });
    const unknown = { mail: { messageId: 'sent-elsewhere' } };
    expect(localSes.withMessageTags(unknown)).toEqual({ mail: { messageId: 'sent-elsewhere', tags: {} } });
  });
});

describe('startLocalSes', () => {
  it('serves the web inbox', async () => {
    const inbox = await fetch(localSes.inboxUrl);

    expect(inbox.status).toBe(200);
    expect(inbox.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('releases its port on close, even with a client connection kept alive', async () => {
    const other = await startLocalSes({ port: 0 });
    const port = Number(new URL(other.endpoint).port);
    const otherClient = new SESClient({
      endpoint: other.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      requestHandler: { requestTimeout: 5_000, throwOnRequestTimeout: true },
    });
    await sendRawEmail(otherClient, {
      raw: await composeRawEmail(email('delegate@example.org')),
      from: 'consultations@example.org',
      to: 'delegate@example.org',
    });

    await other.close();

    await expect(listenOnce(port)).resolves.toBeUndefined();
    otherClient.destroy();
  });

  it('fails when its port is taken', async () => {
    const port = Number(new URL(localSes.endpoint).port);

    await expect(startLocalSes({ port })).rejects.toThrow(`could not listen on 127.0.0.1:${port}`);
  });
});

function listenOnce(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}
