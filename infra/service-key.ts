import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { AnyPrincipal, Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';

/**
 * A customer managed key for an AWS service to encrypt with: rotated yearly, and nobody may create grants on it
 * except for an AWS service (Control Tower's CT.KMS.PR.3): the services here use the key directly, and a grant
 * is how a principal outside the key policy would quietly gain the use of it.
 */
export class ServiceKey extends Key {
  constructor(scope: Construct, id: string, props: { description: string; removalPolicy: RemovalPolicy }) {
    super(scope, id, {
      description: props.description,
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
      pendingWindow: Duration.days(7),
    });
    this.addToResourcePolicy(
      new PolicyStatement({
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ['kms:CreateGrant'],
        resources: ['*'],
        conditions: {
          BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' },
        },
      }),
    );
  }
}
