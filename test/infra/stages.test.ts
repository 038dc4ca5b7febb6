import type { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Synthesized, synthesize } from './synth';

let dev: Synthesized;
let prod: Synthesized;
beforeAll(() => {
  dev = synthesize({ context: { stage: 'dev' } });
  prod = synthesize({ context: { stage: 'prod' } });
});
afterAll(() => {
  dev?.dispose();
  prod?.dispose();
});

type Resource = {
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  Properties: Record<string, unknown>;
};

function resourcesOf(template: Template, type: string): Resource[] {
  const found = Object.values(template.findResources(type)) as Resource[];
  if (found.length === 0) throw new Error(`No ${type}`);
  return found;
}

const policies = (template: Template, type: string) =>
  resourcesOf(template, type).map(({ DeletionPolicy, UpdateReplacePolicy }) => ({
    DeletionPolicy,
    UpdateReplacePolicy,
  }));

const names = (template: Template, type: string, property: string) =>
  resourcesOf(template, type).map((resource) => resource.Properties[property] as string);

const KEPT = { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' };
const DESTROYED = { DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' };

// What holds data: registrations and deliveries, staff accounts, the logs and the key they are encrypted with,
// the key that signs the links already sent.
const DATA = [
  'AWS::DynamoDB::Table',
  'AWS::Cognito::UserPool',
  'AWS::Logs::LogGroup',
  'AWS::SecretsManager::Secret',
];

describe('prod', () => {
  it.each(DATA)('keeps each %s when the stack goes', (type) => {
    for (const policy of policies(prod.template, type)) expect(policy).toEqual(KEPT);
  });

  it('keeps the key of its logs, which cannot be read without it', () => {
    const [logsKey] = Object.entries(prod.template.findResources('AWS::KMS::Key')).filter(([id]) =>
      id.startsWith('LogsKey'),
    );
    expect(logsKey?.[1]).toMatchObject(KEPT);
  });

  it('protects the table and the user pool from deletion, and the table has point-in-time recovery', () => {
    prod.template.hasResourceProperties('AWS::DynamoDB::Table', {
      DeletionProtectionEnabled: true,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
    prod.template.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'ACTIVE' });
  });
});

describe('dev', () => {
  it.each(DATA)('destroys each %s with the stack', (type) => {
    for (const policy of policies(dev.template, type)) expect(policy).toEqual(DESTROYED);
  });

  it('leaves nothing in the way of a destroy: no deletion protection', () => {
    dev.template.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: false });
    dev.template.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'INACTIVE' });
    for (const policy of policies(dev.template, 'AWS::KMS::Key')) expect(policy).toEqual(DESTROYED);
  });

  it('is the stage when none is given', () => {
    const unstaged = synthesize();
    try {
      expect(unstaged.template.toJSON()).toEqual(dev.template.toJSON());
    } finally {
      unstaged.dispose();
    }
  });
});

describe.each([
  ['dev', () => dev],
  ['prod', () => prod],
] as const)('%s names', (stage, synthesized) => {
  it('the schedule group and the Cognito domain after the stage', () => {
    const { template } = synthesized();
    expect(names(template, 'AWS::Scheduler::ScheduleGroup', 'Name')).toEqual([`gcm-consultations-${stage}`]);
    expect(names(template, 'AWS::Cognito::UserPoolDomain', 'Domain')).toEqual([`gcm-consultations-${stage}`]);
  });

  it('every alarm and the dashboard after the stack, whose name carries the stage', () => {
    const { template } = synthesized();
    for (const name of names(template, 'AWS::CloudWatch::Alarm', 'AlarmName'))
      expect(name).toMatch(new RegExp(`^GcmConsultations-${stage}-[a-z0-9-]+$`));
    expect(names(template, 'AWS::CloudWatch::Dashboard', 'DashboardName')).toEqual([
      `GcmConsultations-${stage}`,
    ]);
  });

  it('the schedule group removed with the stack: the reconcile rebuilds its jobs from the table', () => {
    expect(policies(synthesized().template, 'AWS::Scheduler::ScheduleGroup')).toEqual([DESTROYED]);
  });
});

describe('context', () => {
  it('overrides the stack name, the schedule group and the Cognito domain', () => {
    const custom = synthesize({
      context: {
        stage: 'prod',
        stackName: 'GcmConsultations',
        scheduleGroupName: 'gcm-consultations',
        authDomainPrefix: 'unnm-gcm',
      },
    });
    try {
      const { template } = custom;
      expect(names(template, 'AWS::Scheduler::ScheduleGroup', 'Name')).toEqual(['gcm-consultations']);
      expect(names(template, 'AWS::Cognito::UserPoolDomain', 'Domain')).toEqual(['unnm-gcm']);
      expect(names(template, 'AWS::CloudWatch::Alarm', 'AlarmName')).toContain('GcmConsultations-api-5xx');
    } finally {
      custom.dispose();
    }
  });

  it('rejects a stage other than dev or prod', () => {
    expect(() => synthesize({ context: { stage: 'staging' } })).toThrow(/stage must be one of dev, prod/);
  });
});
