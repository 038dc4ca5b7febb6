import { Duration, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  OAuthScope,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { CfnPermission, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { type HttpFunctionName, routeKey, routes } from '#api/routes';
import { regionGroup, SECRETARIAT_GROUP } from '#domain/access';
import { REGION_NAMES, REGIONS } from '#domain/regions';
import type { Logs } from './logs';
import type { Stage } from './stage';

export interface ApiProps {
  handlers: Record<HttpFunctionName, IFunction>;
  /** Where the console is reached (its sign-in returns there); the API's own endpoint when not given. */
  publicBaseUrl?: string;
  /** The user pool's managed-login domain: `https://<prefix>.auth.<region>.amazoncognito.com`. */
  authDomainPrefix: string;
  stage: Stage;
  logs: Logs;
}

// Route keys, not paths: the confirmation path carries the signed token in its query string.
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
});

/**
 * The HTTP API of `shared/api/routes.ts`: staff routes behind a Cognito JWT authorizer, public routes open. The
 * JWT authorizer proves a signed-in user; what their groups let them see is for the function to check.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  /** The console's app client: managed login with the authorization code and PKCE, no secret. */
  readonly consoleClient: UserPoolClient;
  readonly authDomain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: props.stage.deletionProtection,
      removalPolicy: props.stage.removalPolicy,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'The Plus plan (threat protection) is paid; a few invited staff with required MFA use this pool.',
    });
    // adminUserPassword: an operator with AWS credentials gets an ID token for the command line
    // (`aws cognito-idp admin-initiate-auth`, then the TOTP code); without them, the password alone gets nothing.
    this.userPoolClient = this.userPool.addClient('Client', {
      authFlows: { userSrp: true, adminUserPassword: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
    });
    // The roles of shared/domain/access.ts: the secretariat, and each region's focal points.
    new CfnUserPoolGroup(this, 'SecretariatGroup', {
      userPoolId: this.userPool.userPoolId,
      groupName: SECRETARIAT_GROUP,
      description: 'The secretariat: every review, registrant, contribution and request',
    });
    for (const region of REGIONS)
      new CfnUserPoolGroup(this, `FocalPoints-${region}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: regionGroup(region),
        description: `Focal points of ${REGION_NAMES[region]}: its reviews, registrants, contributions and requests`,
      });

    this.httpApi = new HttpApi(this, 'HttpApi', { createDefaultStage: false });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { burstLimit: 50, rateLimit: 20 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(props.logs.groupOfAddresses(this, 'AccessLogs')),
        format: AccessLogFormat.custom(ACCESS_LOG_FORMAT),
      },
    });

    // The console's sign-in: Cognito's managed login on the pool's domain, back to the console's callback.
    const base = props.publicBaseUrl ?? this.httpApi.apiEndpoint;
    this.authDomain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.authDomainPrefix },
    });
    this.consoleClient = this.userPool.addClient('ConsoleClient', {
      generateSecret: false,
      preventUserExistenceErrors: true,
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      idTokenValidity: Duration.hours(1),
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${base}/console/callback`],
        logoutUrls: [`${base}/console/signed-out`],
      },
    });

    const authorizer = new HttpUserPoolAuthorizer('SecretariatAuthorizer', this.userPool, {
      userPoolClients: [this.userPoolClient],
    });
    const integrations = {
      'admin-api': integration('AdminApiIntegration', props.handlers['admin-api']),
      'public-api': integration('PublicApiIntegration', props.handlers['public-api']),
      console: integration('ConsoleIntegration', props.handlers.console),
    } satisfies Record<HttpFunctionName, HttpLambdaIntegration>;

    for (const route of routes) {
      const [httpRoute] = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrations[route.fn],
        authorizer: route.auth === 'staff' ? authorizer : undefined,
      });
      if (route.auth === 'none' && httpRoute) {
        const reason =
          route.fn === 'console'
            ? `${routeKey(route)} is the console's: its function checks the session cookie itself.`
            : `${routeKey(route)} is public by design: stakeholders register without an account.`;
        Validations.of(httpRoute).acknowledge(
          { id: 'AwsSolutions-APIG4', reason },
          { id: 'cdk-validator-cfnguard::api_gw_v2_authorization_type_configured_check', reason },
        );
      }
    }
    for (const permission of this.httpApi.node.findAll().filter((child) => child instanceof CfnPermission))
      Validations.of(permission).acknowledge({
        id: 'cdk-validator-cfnguard::lambda_function_public_access_prohibited_check',
        reason:
          'Its SourceArn is this API’s execute-api ARN, an Fn::Join the rule cannot read (it takes a literal ' +
          'string or a Ref); the stack fixes no account to give as a literal SourceAccount.',
      });
  }
}

// One permission per function for the whole API, rather than one per route.
function integration(id: string, handler: IFunction): HttpLambdaIntegration {
  return new HttpLambdaIntegration(id, handler, { scopePermissionToRoute: false });
}
