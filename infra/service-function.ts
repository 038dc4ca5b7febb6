import path from 'node:path';
import { Duration, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import {
  type BundlingOptions,
  type ICommandHooks,
  NodejsFunction,
  OutputFormat,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { EnvironmentVariables, FunctionName } from '#config/environment';
import type { Logs } from './logs';
import type { LogLevel } from './settings';

export interface ServiceFunctionProps<F extends FunctionName> {
  /** A folder under `functions/` holding a `handler.ts` that exports `handler`. */
  name: F;
  /** Exactly what the function reads at start (`shared/config/environment.ts`). */
  environment: EnvironmentVariables<F>;
  xrayTracing: boolean;
  logLevel: LogLevel;
  logs: Logs;
  /** @default 10 seconds, well inside API Gateway's 30-second integration limit */
  timeout?: Duration;
  /** Where asynchronous invocations go once Lambda's own retries are spent. */
  deadLetterQueue?: IQueue;
  /** Invocations at once, at most, reserved out of the account's concurrency. @default none reserved */
  reservedConcurrency?: number;
}

const REPO_ROOT = path.join(import.meta.dirname, '..');

// middy is ESM-only, so the bundle is ESM; some bundled dependencies still call `require`, which ESM lacks.
const REQUIRE_SHIM =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * What every function gets besides what it reads itself (`shared/config/environment.ts`): the settings Powertools
 * reads (the log level, and whether to trace, which needs Lambda's active tracing).
 *
 * No `NODE_OPTIONS=--enable-source-maps`, though stack traces should name the source files: with it Node reads and
 * parses the bundle's source map at every cold start, 50 to 70 ms of CPU of the public API's 400 or so (`npm run
 * bench:cold-start`, docs/benchmarks.md), for the rare invocation that fails. The map is still shipped beside the
 * bundle, and `shared/observability/source-mapped-stacks.ts` reads it the first time a stack trace is written.
 */
export const platformEnvironment = (props: { logLevel: LogLevel; xrayTracing: boolean }) => ({
  POWERTOOLS_LOG_LEVEL: props.logLevel,
  POWERTOOLS_TRACE_ENABLED: String(props.xrayTracing),
});

/**
 * The message catalogs go beside the bundle as files, where `shared/i18n/translate.ts` reads a language's on first
 * use (`catalogs/` next to the code), instead of into the JavaScript that Node compiles at every cold start. The
 * two functions that write no words get them too: a file never read costs nothing at start.
 */
const CATALOGS_BESIDE_THE_BUNDLE: ICommandHooks = {
  beforeBundling: () => [],
  beforeInstall: () => [],
  afterBundling: (inputDir, outputDir) => [
    `mkdir -p "${outputDir}/catalogs" && cp "${inputDir}"/shared/i18n/catalogs/*.json "${outputDir}/catalogs/"`,
  ],
};

/** How every function is bundled; `bench/cold-start.ts` builds the same bundles to time them. */
export const BUNDLING = {
  format: OutputFormat.ESM,
  target: 'node22',
  // Prefer the ESM builds of dependencies: they tree-shake better.
  mainFields: ['module', 'main'],
  banner: REQUIRE_SHIM,
  minify: true,
  sourceMap: true,
  // Stack traces need the mappings only; embedded sources would double the asset.
  sourcesContent: false,
  // Bundle the AWS SDK instead of using the runtime's copy: the versions are then the ones package-lock.json
  // pins and the tests ran against (the runtime's copy changes without a deploy), and tree-shaking keeps
  // cold starts short.
  bundleAwsSDK: true,
  commandHooks: CATALOGS_BESIDE_THE_BUNDLE,
} as const satisfies BundlingOptions;

/** The house Lambda function: one handler of `functions/`, bundled locally by esbuild, with its own logs and role. */
export class ServiceFunction<F extends FunctionName = FunctionName> extends NodejsFunction {
  readonly executionRole: Role;
  /** Its folder under `functions/`, which names it in alarms and on the dashboard. */
  readonly handlerName: F;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps<F>) {
    const logGroup = props.logs.group(scope, `${id}Logs`);
    // An own role instead of AWSLambdaBasicExecutionRole: it may write to this log group only.
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);

    super(scope, id, {
      entry: path.join(REPO_ROOT, 'functions', props.name, 'handler.ts'),
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      // CPU grows with memory, and SDK start-up is CPU-bound: 512 MB keeps cold starts short at little cost.
      memorySize: 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role,
      logGroup,
      tracing: props.xrayTracing ? Tracing.ACTIVE : Tracing.DISABLED,
      deadLetterQueue: props.deadLetterQueue,
      reservedConcurrentExecutions: props.reservedConcurrency,
      environment: { ...props.environment, ...platformEnvironment(props) },
      bundling: BUNDLING,
    });

    this.executionRole = role;
    this.handlerName = props.name;
    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-L1',
        reason: 'nodejs22.x is the runtime the project chose and tests against (ARCHITECTURE.md).',
      },
      {
        id: 'cdk-validator-cfnguard::lambda_inside_vpc_check',
        reason:
          'It reaches only AWS APIs (DynamoDB, SES, Scheduler, Secrets Manager) and nothing in a VPC; a VPC would ' +
          'add NAT or an endpoint per service, per zone, to cost and cold start, and no protection.',
      },
    );
    if (props.xrayTracing) {
      this.acknowledgeWildcard(
        '*',
        'X-Ray PutTraceSegments and PutTelemetryRecords have no resource-level permissions.',
      );
    }
  }

  /** Records why a wildcard in this function's policy is as narrow as it can be (cdk-nag AwsSolutions-IAM5). */
  acknowledgeWildcard(resource: string, reason: string): void {
    Validations.of(this.executionRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${resource}]`,
      reason,
    });
  }
}
