import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { synthesize } from './synth';
import { functionNamed } from './template';

const functions = ['AdminApi', 'PublicApi', 'Console', 'Milestone', 'Reconcile', 'SesEvents'] as const;

/**
 * What Lambda would give the functions: loading a bundle runs its composition root, which reads and checks the
 * function's environment. No call is made at load, so the values need only be well-formed.
 */
const ENVIRONMENT = {
  TABLE_NAME: 'gcm-consultations',
  SCHEDULE_GROUP: 'gcm-consultations',
  SCHEDULER_ROLE_ARN: 'arn:aws:iam::111122223333:role/scheduler',
  SCHEDULER_DLQ_ARN: 'arn:aws:sqs:eu-west-1:111122223333:dead-letters',
  MILESTONE_FUNCTION_ARN: 'arn:aws:lambda:eu-west-1:111122223333:function:milestone',
  MAIL_FROM: 'consultations@example.org',
  SES_CONFIGURATION_SET: 'gcm-consultations',
  PUBLIC_BASE_URL: 'https://consultations.example.org',
  SECRETARIAT_EMAIL: 'secretariat@example.org',
  COGNITO_USER_POOL_ID: 'eu-west-1_abcDEF123',
  COGNITO_CLIENT_ID: 'console-client',
  COGNITO_DOMAIN_URL: 'https://gcm.auth.eu-west-1.amazoncognito.com',
  TOKEN_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:token',
  SES_SEND_RATE: '14',
  PURGE_AFTER_MONTHS: '12',
  AWS_REGION: 'eu-west-1',
};

/** Loads a bundle in plain Node, as Lambda's ESM loader would, and reports the type of its `handler`. */
function handlerType(bundle: string, env: Record<string, string>): string {
  const script = `console.log(typeof (await import(process.argv[1])).handler);`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script, pathToFileURL(bundle).href], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  }).trim();
}

describe('bundling with the local esbuild', () => {
  it('produces a loadable ESM handler with a source map for each function', () => {
    const synthesized = synthesize({ bundling: true });
    try {
      const bundles = functions.map((constructId) => {
        const asset = functionNamed(synthesized.template, constructId).props.Code as { S3Key: string };
        return path.join(synthesized.outdir, `asset.${asset.S3Key.replace(/\.zip$/, '')}`, 'index.mjs');
      });
      for (const bundle of bundles) {
        const code = readFileSync(bundle, 'utf8');
        expect(code).toMatch(/^import \{ createRequire \} from 'module';/);
        // The AWS SDK is bundled, not imported from the runtime's copy.
        expect(code.match(/\bfrom\s*["']@aws-sdk\/[^"']+/g)).toBeNull();
        expect(existsSync(`${bundle}.map`)).toBe(true);
      }
      expect(bundles.map((bundle) => handlerType(bundle, ENVIRONMENT))).toEqual(
        functions.map(() => 'function'),
      );
      // Without its environment a function refuses to start, naming what is missing.
      expect(() => handlerType(bundles[0] as string, {})).toThrow(/TABLE_NAME/);
    } finally {
      synthesized.dispose();
    }
  }, 60_000);
});
