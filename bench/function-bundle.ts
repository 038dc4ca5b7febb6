import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import type { FunctionName } from '#config/environment';
import { BUNDLING } from '#infra/service-function';

const REPO_ROOT = path.join(import.meta.dirname, '..');

export interface FunctionBundle {
  file: string;
  bytes: number;
  metafile: Metafile;
}

/** A function's bundle, built as the stack builds it. */
export const bundleFunction = (name: FunctionName, outdir: string): Promise<FunctionBundle> =>
  bundle({ entryPoints: [path.join('functions', name, 'handler.ts')] }, path.join(outdir, name, 'index.mjs'));

/**
 * The floor under every function: a bundle, built the same way, that only creates a DynamoDB client, as each
 * function does. What it costs is the AWS SDK's own start (its code compiled, Node's HTTP and crypto modules
 * loaded, the client's configuration resolved), which no change to this service's code can take away.
 */
export const bundleDynamoClientOnly = (outdir: string): Promise<FunctionBundle> =>
  bundle(
    {
      stdin: {
        contents: `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
          export const client = new DynamoDBClient({});`,
        resolveDir: REPO_ROOT,
        loader: 'ts',
      },
    },
    path.join(outdir, 'dynamodb-client-only', 'index.mjs'),
  );

/**
 * Builds a bundle as the stack does: `BUNDLING` through the esbuild options NodejsFunction turns it into (no
 * externals, since the AWS SDK is bundled), with a metafile to tell what the bytes are, then its hooks' commands as
 * NodejsFunction runs them (each by bash, in the project's root), which put the message catalogs beside it.
 */
async function bundle(
  entry: Pick<BuildOptions, 'entryPoints' | 'stdin'>,
  file: string,
): Promise<FunctionBundle> {
  const { metafile } = await build({
    ...entry,
    absWorkingDir: REPO_ROOT,
    outfile: file,
    bundle: true,
    platform: 'node',
    format: BUNDLING.format,
    target: BUNDLING.target,
    mainFields: [...BUNDLING.mainFields],
    banner: { js: BUNDLING.banner },
    minify: BUNDLING.minify,
    sourcemap: BUNDLING.sourceMap,
    sourcesContent: BUNDLING.sourcesContent,
    metafile: true,
    logLevel: 'warning',
  });
  for (const command of BUNDLING.commandHooks.afterBundling(REPO_ROOT, path.dirname(file)))
    execFileSync('bash', ['-c', command], { cwd: REPO_ROOT, stdio: 'inherit' });
  const output = metafile.outputs[path.relative(REPO_ROOT, file)];
  if (!output) throw new Error(`esbuild wrote no ${file}`);
  return { file, bytes: output.bytes, metafile };
}

/** The bundle's bytes by where they come from: an npm package, or a folder of this repository. */
export function bytesBySource(bundle: FunctionBundle): Map<string, number> {
  const bySource = new Map<string, number>();
  for (const output of Object.values(bundle.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const source = sourceOf(input);
      bySource.set(source, (bySource.get(source) ?? 0) + bytesInOutput);
    }
  }
  return bySource;
}

function sourceOf(input: string): string {
  const inPackage = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (inPackage?.[1]) return inPackage[1];
  return path.dirname(input);
}
