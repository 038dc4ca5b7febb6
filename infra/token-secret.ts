import { Validations } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { Stage } from './stage';

/** The key that signs registration links: a plain string of 64 letters and digits (not JSON). */
export class TokenSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string, props: { stage: Stage }) {
    super(scope, id);
    // Retained in prod: a new key would break every link already sent.
    this.secret = new Secret(this, 'Secret', {
      description: 'Signs the links in registration emails',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: props.stage.removalPolicy,
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Automatic rotation replaces the value and would break every link still in an inbox; the key is rotated by ' +
        'hand, a new secret put in front of the old one (docs/deploy.md).',
    });
  }

  /** GetSecretValue only: the reader needs the value, not the metadata grantRead adds. */
  grantRead(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [this.secret.secretArn] }),
    );
  }
}
