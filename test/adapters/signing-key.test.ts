import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { SIGNING_KEY_MAX_AGE_MS, secretsManagerSigningKey } from '#aws/signing-key';

const ARN = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:token';

describe('the link secret, read from Secrets Manager', () => {
  it('is read once, kept for a while, and read again after, so that a rotation reaches warm containers', async () => {
    const secrets = mockClient(SecretsManagerClient);
    secrets
      .on(GetSecretValueCommand, { SecretId: ARN })
      .resolvesOnce({ SecretString: 'first' })
      .resolvesOnce({ SecretString: 'second first' });
    let clock = 0;
    const key = secretsManagerSigningKey(ARN, new SecretsManagerClient({}), () => clock);
    expect(await key()).toBe('first');
    clock = SIGNING_KEY_MAX_AGE_MS - 1;
    expect(await key()).toBe('first');
    clock = SIGNING_KEY_MAX_AGE_MS;
    expect(await key()).toBe('second first');
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('keeps no failure: the next call reads again', async () => {
    const secrets = mockClient(SecretsManagerClient);
    secrets
      .on(GetSecretValueCommand)
      .rejectsOnce(new Error('throttled'))
      .resolvesOnce({ SecretString: 'key' });
    const key = secretsManagerSigningKey(ARN, new SecretsManagerClient({}), () => 0);
    await expect(key()).rejects.toThrow('throttled');
    expect(await key()).toBe('key');
  });
});
