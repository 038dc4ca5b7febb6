import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENV } from '../../shared/config';
import { synthesize } from './synth';
import { functionNamed } from './template';

const functions = ['AdminApi', 'PublicApi', 'Milestone', 'Reconcile', 'SesEvents'] as const;

/** Loads each bundle in plain Node, as Lambda's ESM loader would, and reports the type of its `handler`. */
function handlerTypes(bundles: string[]): string[] {
  const script = `for (const url of process.argv.slice(1)) console.log(typeof (await import(url)).handler);`;
  // Loading a bundle runs its top level, which may read settings; Lambda would have them.
  const settings = Object.fromEntries(Object.values(ENV).map((name) => [name, `placeholder-${name}`]));
  const output = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', script, ...bundles.map((bundle) => pathToFileURL(bundle).href)],
    { env: { ...process.env, ...settings }, encoding: 'utf8' },
  );
  return output.trim().split('\n');
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
      expect(handlerTypes(bundles)).toEqual(functions.map(() => 'function'));
    } finally {
      synthesized.dispose();
    }
  }, 60_000);
});
