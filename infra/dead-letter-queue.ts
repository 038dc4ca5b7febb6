import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption, RedrivePermission } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** A queue for what could not be delivered: encrypted, TLS only, kept 14 days for an operator to look at. */
export class DeadLetterQueue extends Queue {
  /** `holds`: whose failures it keeps, for cdk-nag's record of why it has no dead-letter queue of its own. */
  constructor(scope: Construct, id: string, holds: string) {
    super(scope, id, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      // Declares it a dead-letter queue (Control Tower's CT.SQS.PR.1 then asks for no queue behind it). What
      // fills it is Lambda, SNS and Scheduler, not a queue, so no source queue can be named; SQS's own default
      // is this same permission.
      redriveAllowPolicy: { redrivePermission: RedrivePermission.ALLOW_ALL },
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: `This queue is the dead-letter queue of ${holds}.`,
    });
  }
}
