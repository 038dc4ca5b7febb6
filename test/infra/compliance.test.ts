import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { synthesize } from './synth';

describe('compliance checks', () => {
  it('pass: cdk-nag AwsSolutions reports nothing unacknowledged, not even a warning', () => {
    const synthesized = synthesize();
    try {
      const report = JSON.parse(
        readFileSync(path.join(synthesized.outdir, 'validation-report.json'), 'utf8'),
      ) as {
        pluginReports: { violations: unknown[] }[];
      };
      expect(report.pluginReports.flatMap((plugin) => plugin.violations)).toEqual([]);
    } finally {
      synthesized.dispose();
    }
  });

  it('stop the synth when a finding is not acknowledged', () => {
    expect(() => synthesize({ amend: (stack) => new Queue(stack, 'QueueWithoutDeadLetterQueue') })).toThrow(
      /AwsSolutions-SQS3/,
    );
  });
});
