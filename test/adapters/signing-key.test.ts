import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SIGNING_KEY_MAX_AGE_SECONDS, secretsManagerSigningKey } from '#aws/signing-key';

const ARN = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:token';
const START = new Date('2026-12-01T09:00:00Z').getTime();

describe('the link secret, read from Secrets Manager', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(START);
  });
  afterEach(() => {
    vi.useRealTimers();
    // The test files share their workers' modules (vitest.config.ts): the real client comes back after each test.
    mockClient(SecretsManagerClient).restore();
  });

  it('is read once, kept for a while, and read again after, so that a rotation reaches warm containers', async () => {
    const secrets = mockClient(SecretsManagerClient);
    secrets
      .on(GetSecretValueCommand, { SecretId: ARN })
      .resolvesOnce({ SecretString: 'first' })
      .resolvesOnce({ SecretString: 'second first' });
    const key = secretsManagerSigningKey(ARN, new SecretsManagerClient({}));
    expect(await key()).toBe('first');
    vi.setSystemTime(START + SIGNING_KEY_MAX_AGE_SECONDS * 1000 - 1);
    expect(await key()).toBe('first');
    vi.setSystemTime(START + SIGNING_KEY_MAX_AGE_SECONDS * 1000 + 1);
    expect(await key()).toBe('second first');
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('keeps no failure: the next call reads again', async () => {
    const secrets = mockClient(SecretsManagerClient);
    secrets
      .on(GetSecretValueCommand)
      .rejectsOnce(new Error('throttled'))
      .resolvesOnce({ SecretString: 'key' });
    const key = secretsManagerSigningKey(ARN, new SecretsManagerClient({}));
    await expect(key()).rejects.toThrow('throttled');
    expect(await key()).toBe('key');
  });

  it('refuses a secret without a string value', async () => {
    mockClient(SecretsManagerClient)
      .on(GetSecretValueCommand)
      .resolves({ SecretBinary: new Uint8Array([1]) });
    const key = secretsManagerSigningKey(ARN, new SecretsManagerClient({}));
    await expect(key()).rejects.toThrow('no string value');
  });
});
