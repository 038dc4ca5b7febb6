import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import type { FunctionName } from '#config/environment';
import { BUNDLING } from '#infra/service-function';

const REPO_ROOT = path.join(import.meta.dirname, '..');

export interface FunctionBundle {
  file: string;
  bytes: number;
  metafile: Metafile;
}

/**
 * Builds a function's bundle as the stack does: `BUNDLING` through the esbuild options NodejsFunction turns it into
 * (no externals, since the AWS SDK is bundled), with a metafile to tell what the bytes are.
 */
export async function bundleFunction(name: FunctionName, outdir: string): Promise<FunctionBundle> {
  const file = path.join(outdir, name, 'index.mjs');
  const { metafile } = await build({
    absWorkingDir: REPO_ROOT,
    entryPoints: [path.join('functions', name, 'handler.ts')],
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
