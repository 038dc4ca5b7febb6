import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { withSynthesizedTemplate } from './synth';
import {
  actionsOf,
  functionNamed,
  resourceNamed,
  type Statement,
  statementsOfFunction,
  statementsOfRole,
} from './template';

let template: Template;
withSynthesizedTemplate((synthesized) => {
  template = synthesized;
});

const SCHEDULES_OF_THE_GROUP =
  'arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/gcm-consultations-dev/*';
const ids = () => ({
  table: resourceNamed(template, 'AWS::DynamoDB::Table', 'DataTable').id,
  schedulerRole: resourceNamed(template, 'AWS::IAM::Role', 'SchedulingSchedulerRole').id,
  queue: resourceNamed(template, 'AWS::SQS::Queue', 'SchedulingDeadLetterQueue').id,
  mailEventsQueue: resourceNamed(template, 'AWS::SQS::Queue', 'MailEventsDeadLetterQueue').id,
  milestone: functionNamed(template, 'Milestone').id,
  secret: resourceNamed(template, 'AWS::SecretsManager::Secret', 'TokenSecret').id,
  identity: resourceNamed(template, 'AWS::SES::EmailIdentity', 'MailIdentity').id,
  configurationSet: resourceNamed(template, 'AWS::SES::ConfigurationSet', 'MailConfigurationSet').id,
});

const withAction = (statements: Statement[], prefix: string) =>
  statements.filter((s) => s.actions.some((action) => action.startsWith(prefix)));

describe('the role Scheduler assumes', () => {
  it('trusts only Scheduler acting for this account and this schedule group', () => {
    const role = resourceNamed(template, 'AWS::IAM::Role', 'SchedulingSchedulerRole');
    expect(role.props.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'scheduler.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Condition: {
            StringEquals: {
              'aws:SourceAccount': { Ref: 'AWS::AccountId' },
              'aws:SourceArn': {
                'Fn::GetAtt': [
                  resourceNamed(template, 'AWS::Scheduler::ScheduleGroup', 'SchedulingGroup').id,
                  'Arn',
                ],
              },
            },
          },
        },
      ],
    });
    expect(role.props.ManagedPolicyArns).toBeUndefined();
  });

  it('may only invoke the milestone function and send to the dead-letter queue', () => {
    const { schedulerRole, milestone, queue } = ids();
    expect(statementsOfRole(template, schedulerRole)).toEqual(
      expect.arrayContaining([
        {
          effect: 'Allow',
          actions: ['lambda:InvokeFunction'],
          resources: [`<${milestone}.Arn>`, `<${milestone}.Arn>:*`],
          condition: undefined,
        },
        {
          effect: 'Allow',
          actions: ['sqs:SendMessage'],
          resources: [`<${queue}.Arn>`],
          condition: undefined,
        },
      ]),
    );
    expect(statementsOfRole(template, schedulerRole)).toHaveLength(2);
  });

  it('is the only way to invoke the milestone function', () => {
    const { milestone } = ids();
    const permissions = Object.values(template.findResources('AWS::Lambda::Permission')).filter(
      (permission) => JSON.stringify(permission).includes(milestone),
    );
    expect(permissions).toEqual([]);
  });
});

describe.each(['AdminApi', 'Reconcile'])('%s', (constructId) => {
  const statements = () => statementsOfFunction(template, constructId);

  it('manages the schedules of its group only', () => {
    expect(withAction(statements(), 'scheduler:')).toEqual([
      {
        effect: 'Allow',
        actions: [
          'scheduler:CreateSchedule',
          'scheduler:UpdateSchedule',
          'scheduler:GetSchedule',
          'scheduler:DeleteSchedule',
        ],
        resources: [SCHEDULES_OF_THE_GROUP],
        condition: undefined,
      },
      { effect: 'Allow', actions: ['scheduler:ListSchedules'], resources: ['*'], condition: undefined },
    ]);
  });

  it('passes only the scheduler role, and only to Scheduler', () => {
    expect(withAction(statements(), 'iam:')).toEqual([
      {
        effect: 'Allow',
        actions: ['iam:PassRole'],
        resources: [`<${ids().schedulerRole}.Arn>`],
        condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      },
    ]);
  });

  it(`${constructId === 'AdminApi' ? 'reads' : 'cannot read'} the token secret`, () => {
    // The admin API cancels a registration before erasing it, with the email and links a cancellation carries.
    expect(withAction(statements(), 'secretsmanager:').length).toBe(constructId === 'AdminApi' ? 1 : 0);
  });
});

describe('AdminApi and Reconcile, apart', () => {
  it('the admin API sends mail only as the service (a contribution’s decision); the reconcile sends none', () => {
    expect(
      withAction(statementsOfFunction(template, 'AdminApi'), 'ses:').map((s) => [s.actions, s.condition]),
    ).toEqual([[['ses:SendRawEmail'], { StringEquals: { 'ses:FromAddress': 'consultations@example.org' } }]]);
    expect(withAction(statementsOfFunction(template, 'Reconcile'), 'ses:')).toEqual([]);
  });
});

describe('PublicApi', () => {
  it('has no scheduler rights and passes no role', () => {
    const statements = statementsOfFunction(template, 'PublicApi');
    expect(withAction(statements, 'scheduler:')).toEqual([]);
    expect(withAction(statements, 'iam:')).toEqual([]);
  });
});

describe('Milestone', () => {
  it('may only create jobs in its own group (its continuations), passing only the scheduler role', () => {
    const statements = statementsOfFunction(template, 'Milestone');
    expect(withAction(statements, 'scheduler:')).toEqual([
      {
        effect: 'Allow',
        actions: ['scheduler:CreateSchedule'],
        resources: [SCHEDULES_OF_THE_GROUP],
        condition: undefined,
      },
    ]);
    expect(withAction(statements, 'iam:')).toEqual([
      {
        effect: 'Allow',
        actions: ['iam:PassRole'],
        resources: [`<${ids().schedulerRole}.Arn>`],
        condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      },
    ]);
  });
});

describe.each(['PublicApi', 'Milestone'])('%s', (constructId) => {
  const statements = () => statementsOfFunction(template, constructId);

  it('sends raw email from the configured sender, through its identity and configuration set only', () => {
    const { identity, configurationSet } = ids();
    expect(withAction(statements(), 'ses:')).toEqual([
      {
        effect: 'Allow',
        actions: ['ses:SendRawEmail'],
        resources: [
          `arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/<${identity}>`,
          `arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:configuration-set/<${configurationSet}>`,
        ],
        condition: { StringEquals: { 'ses:FromAddress': 'consultations@example.org' } },
      },
    ]);
  });
});

describe('the token secret', () => {
  it.each(['PublicApi', 'Milestone', 'AdminApi'])(
    'is readable by %s, with GetSecretValue on that secret only',
    (fn) => {
      const { secret } = ids();
      expect(withAction(statementsOfFunction(template, fn), 'secretsmanager:')).toEqual([
        {
          effect: 'Allow',
          actions: ['secretsmanager:GetSecretValue'],
          resources: [`<${secret}>`],
          condition: undefined,
        },
      ]);
    },
  );

  it('is readable by the functions that sign links and forms, and no other', () => {
    const { secret } = ids();
    const policiesNamingTheSecret = Object.entries(template.findResources('AWS::IAM::Policy')).filter(
      ([, policy]) => JSON.stringify(policy).includes(secret),
    );
    expect(policiesNamingTheSecret.map(([id]) => id).sort()).toEqual([
      expect.stringMatching(/^AdminApiRoleDefaultPolicy/),
      expect.stringMatching(/^ConsoleRoleDefaultPolicy/),
      expect.stringMatching(/^MilestoneRoleDefaultPolicy/),
      expect.stringMatching(/^PublicApiRoleDefaultPolicy/),
    ]);
  });
});

describe('every function', () => {
  it.each(['AdminApi', 'PublicApi', 'Console', 'Milestone', 'Reconcile', 'SesEvents'])(
    '%s touches only its table, its log group, and the grants above',
    (constructId) => {
      const { table, queue, mailEventsQueue } = ids();
      const statements = statementsOfFunction(template, constructId);
      for (const statement of withAction(statements, 'dynamodb:')) {
        expect(statement.resources).toEqual([`<${table}.Arn>`, `<${table}.Arn>/index/*`]);
      }
      expect(actionsOf(withAction(statements, 'dynamodb:'))).toEqual(
        expect.arrayContaining([
          'dynamodb:GetItem',
          'dynamodb:Query',
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
        ]),
      );
      const logGroup = resourceNamed(template, 'AWS::Logs::LogGroup', `${constructId}Logs`).id;
      expect(withAction(statements, 'logs:')).toEqual([
        {
          effect: 'Allow',
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [`<${logGroup}.Arn>`],
          condition: undefined,
        },
      ]);
      const deadLetterQueues: Record<string, string> = { Milestone: queue, SesEvents: mailEventsQueue };
      const deadLetterQueue = deadLetterQueues[constructId];
      expect(withAction(statements, 'sqs:')).toEqual(
        deadLetterQueue
          ? [
              {
                effect: 'Allow',
                actions: ['sqs:SendMessage'],
                resources: [`<${deadLetterQueue}.Arn>`],
                condition: undefined,
              },
            ]
          : [],
      );
      const granted = new Set(actionsOf(statements).map((action) => action.split(':')[0]));
      const covered = ['dynamodb', 'logs', 'scheduler', 'iam', 'ses', 'secretsmanager', 'sqs'];
      expect([...granted].filter((service) => !covered.includes(service ?? ''))).toEqual([]);
    },
  );

  it('never grants an action wildcard', () => {
    const all = Object.keys(template.findResources('AWS::IAM::Role')).flatMap((roleId) =>
      statementsOfRole(template, roleId),
    );
    expect(actionsOf(all).filter((action) => action.includes('*'))).toEqual([]);
  });

  it('grants a resource wildcard only where the action has no resource-level permissions', () => {
    const all = Object.keys(template.findResources('AWS::IAM::Role')).flatMap((roleId) =>
      statementsOfRole(template, roleId),
    );
    const unscoped = all.filter((statement) => statement.resources.includes('*'));
    expect(new Set(actionsOf(unscoped))).toEqual(new Set(['scheduler:ListSchedules']));
  });
});
