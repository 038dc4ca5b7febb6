import 'aws-sdk-client-mock-vitest/extend';
import {
  AccountSendingPausedException,
  ConfigurationSetDoesNotExistException,
  MailFromDomainNotVerifiedException,
  MessageRejected,
  SESClient,
  SESServiceException,
  SendRawEmailCommand,
} from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { isRetryableSesError, sendRawEmail } from '#mail/ses-sender';

const ses = mockClient(SESClient);
// The test files share their workers' modules (vitest.config.ts): the real client comes back after this file.
afterAll(() => ses.restore());
const metadata = { $metadata: {} };

function sesError(name: string, message: string, httpStatusCode: number): SESServiceException {
  return new SESServiceException({
    name,
    message,
    $fault: httpStatusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode },
  });
}

function sentInput() {
  const calls = ses.commandCalls(SendRawEmailCommand);
  expect(calls).toHaveLength(1);
  return calls[0]?.args[0].input;
}

describe('sendRawEmail', () => {
  beforeEach(() => {
    ses.reset();
    ses.on(SendRawEmailCommand).resolves({ MessageId: 'ses-message-1', ...metadata });
  });

  it('sends the raw message to the one recipient and returns the SES MessageId', async () => {
    const raw = Buffer.from('From: consultations@example.org\r\n\r\nbody');

    const messageId = await sendRawEmail(new SESClient({}), {
      raw,
      from: 'consultations@example.org',
      to: 'delegate@example.org',
      configurationSet: 'consultations',
    });

    expect(messageId).toBe('ses-message-1');
    const expectedInput = {
      RawMessage: { Data: raw },
      Source: 'consultations@example.org',
      Destinations: ['delegate@example.org'],
      ConfigurationSetName: 'consultations',
    };
    expect(ses).toHaveReceivedCommandExactlyOnceWith(SendRawEmailCommand, expectedInput);
    // The matcher accepts extra fields; nothing else may be sent.
    expect(sentInput()).toStrictEqual(expectedInput);
  });

  it('leaves out the configuration set when there is none', async () => {
    await sendRawEmail(new SESClient({}), {
      raw: Buffer.from('x'),
      from: 'a@example.org',
      to: 'b@example.org',
    });

    expect(sentInput()).toStrictEqual({
      RawMessage: { Data: Buffer.from('x') },
      Source: 'a@example.org',
      Destinations: ['b@example.org'],
    });
  });

  it('tags the message, for SES to hand the tags back in its events', async () => {
    await sendRawEmail(new SESClient({}), {
      raw: Buffer.from('x'),
      from: 'a@example.org',
      to: 'b@example.org',
      tags: { 'delivery-round': 'WyJldXJvcGUtMjAyNyJd' },
    });

    expect(sentInput()).toStrictEqual({
      RawMessage: { Data: Buffer.from('x') },
      Source: 'a@example.org',
      Destinations: ['b@example.org'],
      Tags: [{ Name: 'delivery-round', Value: 'WyJldXJvcGUtMjAyNyJd' }],
    });
  });

  it('passes SES errors through', async () => {
    const rejected = new MessageRejected({ message: 'Email address is not verified.', $metadata: {} });
    ses.on(SendRawEmailCommand).rejects(rejected);

    await expect(
      sendRawEmail(new SESClient({}), { raw: Buffer.from('x'), from: 'a@example.org', to: 'b@example.org' }),
    ).rejects.toBe(rejected);
  });
});

describe('isRetryableSesError', () => {
  it.each([
    ['the sending rate is exceeded', sesError('Throttling', 'Maximum sending rate exceeded.', 400)],
    ['the daily quota is exceeded', sesError('Throttling', 'Daily message quota exceeded.', 400)],
    ['SES throttles under another name', sesError('ThrottlingException', 'Rate exceeded', 400)],
    ['the throttling shows only in the message', new Error('Throttling: Maximum sending rate exceeded')],
    ['SES fails internally', sesError('InternalFailure', 'Internal failure', 500)],
    ['SES is unavailable', sesError('ServiceUnavailable', 'Service unavailable', 503)],
    ['an unknown server error occurs', sesError('Whatever', 'Bad gateway', 502)],
    ['too many requests are made', sesError('Unknown', 'Too many requests', 429)],
    ['the request times out', Object.assign(new Error('request timed out'), { name: 'TimeoutError' })],
    ['the connection is reset', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
  ])('retries when %s', (_case, error) => {
    expect(isRetryableSesError(error)).toBe(true);
  });

  it.each([
    [
      'the message is rejected',
      new MessageRejected({ message: 'Email address is not verified.', $metadata: {} }),
    ],
    [
      'the MAIL FROM domain is not verified',
      new MailFromDomainNotVerifiedException({ message: 'not verified', $metadata: {} }),
    ],
    ['the account is paused', new AccountSendingPausedException({ message: 'paused', $metadata: {} })],
    [
      'the configuration set is missing',
      new ConfigurationSetDoesNotExistException({ message: 'missing', $metadata: {} }),
    ],
    ['a parameter is invalid', sesError('InvalidParameterValue', 'Missing final @domain', 400)],
    ['access is denied', sesError('AccessDenied', 'not authorized to perform ses:SendRawEmail', 403)],
    ['the code itself fails', new TypeError('Cannot read properties of undefined')],
    ['something that is no error is thrown', 'Throttling'],
  ])('does not retry when %s', (_case, error) => {
    expect(isRetryableSesError(error)).toBe(false);
  });
});
