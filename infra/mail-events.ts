import { ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  ConfigurationSetEventDestination,
  EmailSendingEvent,
  EventDestination,
  type IConfigurationSet,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DeadLetterQueue } from './dead-letter-queue';
import { ServiceKey } from './service-key';

export interface MailEventsProps {
  configurationSet: IConfigurationSet;
}

/**
 * What SES tells of each message after sending it: the configuration set publishes bounces, complaints,
 * deliveries and rejects to an encrypted SNS topic, whose subscriber (the ses-events function) records them.
 */
export class MailEvents extends Construct {
  readonly key: ServiceKey;
  readonly topic: Topic;
  /** Events that could not be handled: SNS could not invoke the function, or it failed three times. */
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: MailEventsProps) {
    super(scope, id);
    // SES publishes to an encrypted topic only if the key's policy lets it use the key. The AWS managed key
    // (alias/aws/sns) has a policy nobody can change, so SES could not publish: the topic has a key of its own.
    this.key = new ServiceKey(this, 'TopicKey', {
      description: 'Encrypts the SES sending events topic',
      // Nothing outlives the topic encrypted under this key: SNS keeps messages only until delivered.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // SNS names the topic in the encryption context; the topic's ARN cannot appear here (the topic depends on
    // the key), so the key serves this account's topics in this region only.
    this.key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:sns:topicArn': Stack.of(this).formatArn({
              service: 'sns',
              resource: '*',
              arnFormat: ArnFormat.NO_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
    this.topic = new Topic(this, 'Topic', { masterKey: this.key, enforceSSL: true });

    // The destination also adds the topic policy statement that lets SES publish, for this account's
    // configuration set only (aws:SourceAccount and aws:SourceArn).
    new ConfigurationSetEventDestination(this, 'Destination', {
      configurationSet: props.configurationSet,
      destination: EventDestination.snsTopic(this.topic),
      events: [
        EmailSendingEvent.BOUNCE,
        EmailSendingEvent.COMPLAINT,
        EmailSendingEvent.DELIVERY,
        EmailSendingEvent.REJECT,
      ],
    });

    this.deadLetterQueue = new DeadLetterQueue(
      this,
      'DeadLetterQueue',
      'the SES events subscription and function',
    );
  }

  /** Subscribes the function; what SNS cannot deliver to it goes to the dead-letter queue. */
  deliverTo(fn: IFunction): void {
    this.topic.addSubscription(new LambdaSubscription(fn, { deadLetterQueue: this.deadLetterQueue }));
  }
}
