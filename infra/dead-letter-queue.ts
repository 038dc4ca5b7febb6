import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** A queue for what could not be delivered: encrypted, TLS only, kept 14 days for an operator to look at. */
export class DeadLetterQueue extends Queue {
  /** `holds`: whose failures it keeps, for cdk-nag's record of why it has no dead-letter queue of its own. */
  constructor(scope: Construct, id: string, holds: string) {
    super(scope, id, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: `This queue is the dead-letter queue of ${holds}.`,
    });
  }
}
