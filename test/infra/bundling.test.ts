import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { platformEnvironment } from '#infra/service-function';
import { LAMBDA_ENVIRONMENT } from './lambda-environment';
import { synthesize } from './synth';
import { functionNamed } from './template';

const functions = ['AdminApi', 'PublicApi', 'Console', 'Milestone', 'Reconcile', 'SesEvents'] as const;

/** Runs a script in plain Node with a bundle's URL as its argument, and hands back what it printed. */
function withBundle(script: string, bundle: string, env: Record<string, string>) {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, pathToFileURL(bundle).href], {
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return { stdout: run.stdout.trim(), stderr: run.stderr.trim() };
}

/** Loads a bundle, as Lambda's ESM loader would, and reports the type of its `handler`. */
const handlerType = (bundle: string, env: Record<string, string>): string =>
  withBundle(`console.log(typeof (await import(process.argv[1])).handler);`, bundle, env).stdout;

/** Invokes a bundle's handler, as Lambda would: its answer, and the lines it logged (errors to standard error). */
function invoke(bundle: string, event: unknown, env: Record<string, string>) {
  const script = `
    const { handler } = await import(process.argv[1]);
    const context = { functionName: 'public-api', awsRequestId: 'r', getRemainingTimeInMillis: () => 10000 };
    console.log(JSON.stringify(await handler(${JSON.stringify(event)}, context)));`;
  const { stdout, stderr } = withBundle(script, bundle, env);
  // JSON lines only: Node's own warnings (the SDK's about Node 20) go to standard error too.
  const lines = `${stdout}\n${stderr}`
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
  return {
    answer: lines.find((line) => 'statusCode' in line),
    logged: lines.filter((line) => 'level' in line),
  };
}

/** `GET /privacy?lang=fr` as API Gateway hands it over: a page that needs no AWS call, only its words. */
const FRENCH_PRIVACY_PAGE = {
  version: '2.0',
  routeKey: 'GET /privacy',
  rawPath: '/privacy',
  rawQueryString: 'lang=fr',
  queryStringParameters: { lang: 'fr' },
  headers: { host: 'consultations.example.org' },
  requestContext: { http: { method: 'GET', path: '/privacy', sourceIp: '198.51.100.7' }, requestId: 'r' },
  isBase64Encoded: false,
};

describe('bundling with the local esbuild', () => {
  it('produces a loadable ESM handler with its source map and the message catalogs beside it for each function', () => {
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
        // The message catalogs are files beside it, not in it.
        expect(existsSync(path.join(path.dirname(bundle), 'catalogs', 'fr.json'))).toBe(true);
        expect(code).not.toContain('Avis de confidentialité');
      }
      expect(bundles.map((bundle) => handlerType(bundle, LAMBDA_ENVIRONMENT))).toEqual(
        functions.map(() => 'function'),
      );
      // The public API finds its words there: a French page, read from catalogs/fr.json.
      const publicApi = bundles[1] as string;
      const env = { ...LAMBDA_ENVIRONMENT, ...platformEnvironment({ logLevel: 'WARN', xrayTracing: false }) };
      const page = invoke(publicApi, FRENCH_PRIVACY_PAGE, env).answer;
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<h1>Avis de confidentialité</h1>');
      // A fault's stack trace, as logged, names the source files, from the map beside the bundle.
      const fault = invoke(publicApi, 'not an HTTP event', env);
      expect(fault.answer.statusCode).toBe(500);
      const [unhandled] = fault.logged.filter((line) => line.message === 'unhandled');
      expect(unhandled.stack).toMatch(/^ {4}at .*\bshared\/[\w/-]+\.ts:\d+:\d+/m);
      expect(unhandled.stack).not.toMatch(/index\.mjs/);
      // Without its environment a function refuses to start, naming what is missing.
      expect(() => handlerType(bundles[0] as string, {})).toThrow(/TABLE_NAME/);
    } finally {
      synthesized.dispose();
    }
  }, 90_000);
});
