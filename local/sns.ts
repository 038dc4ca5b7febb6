import { randomUUID } from 'node:crypto';
import type { SNSEvent } from 'aws-lambda';

/** The topic the SES configuration set publishes its events to, as the local stand-in names it. */
export const SES_EVENTS_TOPIC_ARN = 'arn:aws:sns:us-east-1:000000000000:ses-events';

/**
 * What SNS hands a subscribed Lambda function: one record per invocation, the published message as a string.
 * The signature fields are placeholders; Lambda subscribers do not check them.
 */
export function toSnsEvent(message: string, now: Date): SNSEvent {
  const subscription = `${SES_EVENTS_TOPIC_ARN}:${randomUUID()}`;
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: subscription,
        Sns: {
          Type: 'Notification',
          MessageId: randomUUID(),
          TopicArn: SES_EVENTS_TOPIC_ARN,
          Message: message,
          Timestamp: now.toISOString(),
          SignatureVersion: '1',
          Signature: 'local',
          SigningCertUrl: 'https://sns.us-east-1.amazonaws.com/local.pem',
          UnsubscribeUrl: `https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${subscription}`,
          MessageAttributes: {},
        },
      },
    ],
  };
}
