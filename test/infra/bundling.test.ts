import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LAMBDA_ENVIRONMENT } from './lambda-environment';
import { synthesize } from './synth';
import { functionNamed } from './template';

const functions = ['AdminApi', 'PublicApi', 'Console', 'Milestone', 'Reconcile', 'SesEvents'] as const;

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
      expect(bundles.map((bundle) => handlerType(bundle, LAMBDA_ENVIRONMENT))).toEqual(
        functions.map(() => 'function'),
      );
      // Without its environment a function refuses to start, naming what is missing.
      expect(() => handlerType(bundles[0] as string, {})).toThrow(/TABLE_NAME/);
    } finally {
      synthesized.dispose();
    }
  }, 60_000);
});
