import { Aws, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DeadLetterQueue } from './dead-letter-queue';
import type { ServiceFunction } from './service-function';

const SCHEDULER = 'scheduler.amazonaws.com';

export interface SchedulingProps {
  scheduleGroupName: string;
}

/**
 * What the functions need to keep one-time schedules in step with the plan: the group they live in, the role
 * Scheduler assumes to fire them, and the queue for firings Scheduler could not deliver.
 */
export class Scheduling extends Construct {
  readonly group: ScheduleGroup;
  readonly schedulerRole: Role;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: SchedulingProps) {
    super(scope, id);
    // Its jobs are derived from the table, which the hourly reconcile brings them back to; kept after the stack,
    // the group would hold its name against the stack's next deploy, its jobs aimed at a function no longer there.
    this.group = new ScheduleGroup(this, 'Group', {
      scheduleGroupName: props.scheduleGroupName,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.deadLetterQueue = new DeadLetterQueue(
      this,
      'DeadLetterQueue',
      'the schedules and of the milestone function',
    );

    // Conditions guard against the confused deputy: only this account's schedules in this group may assume it.
    this.schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal(SCHEDULER, {
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID, 'aws:SourceArn': this.group.scheduleGroupArn },
        },
      }),
    });
    this.schedulerRole.addToPolicy(
      new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.deadLetterQueue.queueArn] }),
    );
  }

  /** Lets the schedules invoke the target function (also as a version or alias, hence `:*`). */
  allowInvoking(target: ServiceFunction): void {
    this.schedulerRole.addToPolicy(
      new PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [target.functionArn, `${target.functionArn}:*`],
      }),
    );
    const targetLogicalId = Stack.of(this).getLogicalId(target.node.defaultChild as CfnFunction);
    Validations.of(this.schedulerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${targetLogicalId}.Arn>:*]`,
      reason: 'Versions and aliases of the milestone function only.',
    });
  }

  /** Create, read, update and delete the group's schedules, and hand them the scheduler role. */
  /**
   * For the sending function, which only ever adds a job (a meeting change's round, the rest of a round too large
   * for one invocation), always in its own group.
   */
  grantCreateSchedules(fn: ServiceFunction): void {
    fn.addToRolePolicy(
      new PolicyStatement({ actions: ['scheduler:CreateSchedule'], resources: [this.schedulesArnPattern()] }),
    );
    this.grantPassRole(fn);
    fn.acknowledgeWildcard(
      `arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${this.group.scheduleGroupName}/*`,
      'Any schedule of its own group: continuation jobs are named at run time.',
    );
  }

  grantManageSchedules(fn: ServiceFunction): void {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: [
          'scheduler:CreateSchedule',
          'scheduler:UpdateSchedule',
          'scheduler:GetSchedule',
          'scheduler:DeleteSchedule',
        ],
        resources: [this.schedulesArnPattern()],
      }),
    );
    fn.addToRolePolicy(new PolicyStatement({ actions: ['scheduler:ListSchedules'], resources: ['*'] }));
    this.grantPassRole(fn);
    fn.acknowledgeWildcard(
      `arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${this.group.scheduleGroupName}/*`,
      'Any schedule of its own group: schedule names are derived from the plan at run time.',
    );
    fn.acknowledgeWildcard(
      '*',
      'scheduler:ListSchedules has no resource-level permissions; calls filter by group.',
    );
  }

  private grantPassRole(fn: ServiceFunction): void {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [this.schedulerRole.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': SCHEDULER } },
      }),
    );
  }

  private schedulesArnPattern(): string {
    return Stack.of(this).formatArn({
      service: 'scheduler',
      resource: 'schedule',
      resourceName: `${this.group.scheduleGroupName}/*`,
    });
  }
}
