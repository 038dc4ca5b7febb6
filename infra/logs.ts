import { ArnFormat, Aws, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ServiceKey } from './service-key';
import type { Stage } from './stage';

/**
 * Where the functions and the API write their logs: log groups encrypted with a key of the stack's own, kept a
 * year (an operator asked about last year's round can still read it), retained with prod's data.
 */
export class Logs extends Construct {
  readonly key: ServiceKey;
  private readonly stage: Stage;

  constructor(scope: Construct, id: string, props: { stage: Stage }) {
    super(scope, id);
    this.stage = props.stage;
    // Retained with the log groups: a log group whose key is gone cannot be read.
    this.key = new ServiceKey(this, 'Key', {
      description: 'Encrypts the log groups of the functions and the HTTP API',
      removalPolicy: props.stage.removalPolicy,
    });
    this.key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': Stack.of(this).formatArn({
              service: 'logs',
              resource: 'log-group',
              resourceName: '*',
              arnFormat: ArnFormat.COLON_RESOURCE_NAME,
            }),
          },
        },
      }),
    );
  }

  /** A log group kept a year. */
  group(scope: Construct, id: string): LogGroup {
    return new LogGroup(scope, id, {
      encryptionKey: this.key,
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: this.stage.removalPolicy,
    });
  }

  /**
   * A log group of callers' IP addresses: personal data, kept three months, as long as looking into abuse
   * needs, rather than Control Tower's year.
   */
  groupOfAddresses(scope: Construct, id: string): LogGroup {
    const logGroup = new LogGroup(scope, id, {
      encryptionKey: this.key,
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: this.stage.removalPolicy,
    });
    Validations.of(logGroup).acknowledge({
      id: 'cdk-validator-cfnguard::cloudwatch_log_group_retention_period_check',
      reason:
        'It holds callers’ IP addresses: personal data is kept no longer than abuse investigation needs.',
    });
    return logGroup;
  }
}
