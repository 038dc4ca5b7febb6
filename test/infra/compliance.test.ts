import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { type Synthesized, synthesize } from './synth';

type PluginReport = {
  pluginName: string;
  violations: unknown[];
  suppressedViolations?: { ruleName: string; reason: string }[];
};

function reportOf(synthesized: Synthesized): PluginReport[] {
  const report = JSON.parse(
    readFileSync(path.join(synthesized.outdir, 'validation-report.json'), 'utf8'),
  ) as { pluginReports: PluginReport[] };
  return report.pluginReports;
}

// cfn-guard takes seconds per template, more on a busy machine.
const CFN_GUARD_TIMEOUT = 120_000;

describe('cdk-nag', () => {
  it('passes: AwsSolutions reports nothing unacknowledged, not even a warning', () => {
    const synthesized = synthesize();
    try {
      expect(reportOf(synthesized).flatMap((plugin) => plugin.violations)).toEqual([]);
    } finally {
      synthesized.dispose();
    }
  });

  it('stops the synth when a finding is not acknowledged', () => {
    expect(() => synthesize({ amend: (stack) => new Queue(stack, 'QueueWithoutDeadLetterQueue') })).toThrow(
      /AwsSolutions-SQS3/,
    );
  });
});

describe('the AWS Control Tower proactive controls (cfn-guard)', () => {
  // On prod's template only: the stages differ in what is kept and in names, which no rule reads, and each run of
  // cfn-guard costs half a minute of the suite.
  it(
    'pass on the prod template, acknowledging only the four rules infra/ gives reasons for',
    () => {
      const synthesized = synthesize({ controlTower: true, context: { stage: 'prod' } });
      try {
        const guard = reportOf(synthesized).find((plugin) => plugin.pluginName === 'cdk-validator-cfnguard');
        expect(guard?.violations).toEqual([]);
        const acknowledged = guard?.suppressedViolations ?? [];
        expect(new Set(acknowledged.map((violation) => violation.ruleName))).toEqual(
          new Set([
            'api_gw_v2_authorization_type_configured_check',
            'cloudwatch_log_group_retention_period_check',
            'lambda_function_public_access_prohibited_check',
            'lambda_inside_vpc_check',
          ]),
        );
        for (const violation of acknowledged) expect(violation.reason.length).toBeGreaterThan(20);
      } finally {
        synthesized.dispose();
      }
    },
    CFN_GUARD_TIMEOUT,
  );

  // The stack acknowledges other findings, which is when aws-cdk-lib needs each finding's severity to fail the synth
  // (infra/control-tower-checks.ts).
  it(
    'stop the synth when a finding is not acknowledged',
    () => {
      expect(() =>
        synthesize({ controlTower: true, amend: (stack) => new LogGroup(stack, 'LogGroupWithoutKey') }),
      ).toThrow(/CT\.CLOUDWATCH\.PR\.3/);
    },
    CFN_GUARD_TIMEOUT,
  );
});
