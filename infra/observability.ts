import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface ObservabilityProps {
  deadLetterQueue: IQueue;
  mailEventsDeadLetterQueue: IQueue;
}

/** Alarms on the failures nobody would otherwise see. */
export class Observability extends Construct {
  readonly deadLetterAlarm: Alarm;
  readonly mailEventsDeadLetterAlarm: Alarm;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    // A message here is a milestone email round that did not go out: one is enough to look.
    this.deadLetterAlarm = this.anyMessageIn(
      'DeadLetterAlarm',
      props.deadLetterQueue,
      'Milestone firings failed and wait in the dead-letter queue',
    );
    // A message here is a bounce or a complaint not recorded: the address may go on being sent to.
    this.mailEventsDeadLetterAlarm = this.anyMessageIn(
      'MailEventsDeadLetterAlarm',
      props.mailEventsDeadLetterQueue,
      'SES events (bounces, complaints) failed and wait in their dead-letter queue',
    );
  }

  private anyMessageIn(id: string, queue: IQueue, alarmDescription: string): Alarm {
    return new Alarm(this, id, {
      alarmDescription,
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
