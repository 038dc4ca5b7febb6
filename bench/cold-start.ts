import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ENVIRONMENTS, type FunctionName } from '#config/environment';
import { platformEnvironment } from '#infra/service-function';
import { LAMBDA_ENVIRONMENT } from '#test/infra/lambda-environment';
import {
  bundleDynamoClientOnly,
  bundleFunction,
  bytesBySource,
  type FunctionBundle,
} from './function-bundle';

/**
 * What each function's bundle costs at a cold start: its bytes, and how long a fresh `node` takes to import it,
 * against a bare `node -e 0` in the same run (the median of several runs, interleaved so that the machine's load
 * weighs on all alike), and the same for a bundle that only creates a DynamoDB client: the floor, what the AWS SDK
 * costs by itself. `npm run bench:cold-start -- --runs 15 --top 10`.
 */

const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '7' }, top: { type: 'string', default: '8' } },
});
const runs = Number(args.runs);
const top = Number(args.top);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
if (!Number.isInteger(top) || top < 0) throw new Error('--top must be a whole number');

const FUNCTIONS = Object.keys(ENVIRONMENTS) as FunctionName[];

// As Lambda starts a function with the stack's defaults (tracing off, `infra/settings.ts`): its environment and what
// the stack adds to it. The SDK's warning about Node 20 would be a write that Lambda's Node 22 never makes.
const FUNCTION_ENV = {
  PATH: process.env.PATH,
  ...LAMBDA_ENVIRONMENT,
  ...platformEnvironment({ logLevel: 'INFO', xrayTracing: false }),
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

function millisecondsToRun(args: string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const elapsed = performance.now() - start;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${run.stderr}`);
  return elapsed;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(2)} MB`;
const kilobytes = (bytes: number): string => `${Math.round(bytes / 1000)} KB`;

const outdir = mkdtempSync(path.join(tmpdir(), 'cold-start-'));
try {
  const bundles = new Map<FunctionName, FunctionBundle>();
  for (const name of FUNCTIONS) bundles.set(name, await bundleFunction(name, outdir));
  const floor = await bundleDynamoClientOnly(outdir);

  const bare: number[] = [];
  const floorImports: number[] = [];
  const imports = new Map<FunctionName, number[]>(FUNCTIONS.map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    bare.push(millisecondsToRun(['-e', '0'], { PATH: process.env.PATH }));
    floorImports.push(millisecondsToRun([floor.file], FUNCTION_ENV));
    for (const [name, bundle] of bundles)
      imports.get(name)?.push(millisecondsToRun([bundle.file], FUNCTION_ENV));
  }

  const bareMs = median(bare);
  console.log(
    `cold start: median of ${runs} fresh node processes; node -e 0 takes ${bareMs.toFixed(0)} ms\n`,
  );
  console.log(
    `${'function'.padEnd(12)}${'bytes'.padStart(10)}${'import'.padStart(10)}${'ratio'.padStart(8)}`,
  );
  const row = (name: string, bytes: number, importMs: number) =>
    console.log(
      `${name.padEnd(12)}${megabytes(bytes).padStart(10)}${`${importMs.toFixed(0)} ms`.padStart(10)}${(importMs / bareMs).toFixed(2).padStart(8)}`,
    );
  const ratios = new Map<FunctionName, number>();
  for (const [name, bundle] of bundles) {
    const importMs = median(imports.get(name) ?? []);
    ratios.set(name, importMs / bareMs);
    row(name, bundle.bytes, importMs);
  }
  const floorMs = median(floorImports);
  console.log(`\nthe floor: a bundle that only creates a DynamoDB client, built and started the same way`);
  row('dynamodb', floor.bytes, floorMs);
  console.log();
  for (const [name, ratio] of ratios) console.log(`ratio ${name} ${ratio.toFixed(2)}`);
  console.log(`reference dynamodb-client-only ${(floorMs / bareMs).toFixed(2)}`);

  if (top > 0) {
    console.log(`\nlargest parts of each bundle (bytes in the minified output, by package or folder)`);
    for (const [name, bundle] of bundles) {
      const largest = [...bytesBySource(bundle)].sort((a, b) => b[1] - a[1]).slice(0, top);
      console.log(`${name}: ${largest.map(([source, bytes]) => `${source} ${kilobytes(bytes)}`).join(', ')}`);
    }
  }
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
