import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { routeKey, routes } from '#api/routes';
import { STAFF_GROUPS } from '#domain/access';
import { withSynthesizedTemplate } from './synth';
import { functionNamed, render, resourceNamed } from './template';

let template: Template;
withSynthesizedTemplate((synthesized) => {
  template = synthesized;
});

const handlerIds = { 'admin-api': 'AdminApi', 'public-api': 'PublicApi', console: 'Console' } as const;

function routeProps(key: string): Record<string, unknown> {
  const found = Object.values(
    template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: key } }),
  );
  if (found.length !== 1) throw new Error(`Expected one route ${key}, found ${found.length}`);
  return (found[0] as { Properties: Record<string, unknown> }).Properties;
}

/** The function behind a route: route target -> integration -> Lambda ARN. */
function functionIdBehind(key: string): string {
  const integrationId = render(routeProps(key).Target).replace(/^integrations\/<(.+)>$/, '$1');
  const integration = template.findResources('AWS::ApiGatewayV2::Integration')[integrationId] as {
    Properties: { IntegrationUri: unknown; PayloadFormatVersion: string };
  };
  expect(integration.Properties.PayloadFormatVersion).toBe('2.0');
  return render(integration.Properties.IntegrationUri).replace(/^<(.+)\.Arn>$/, '$1');
}

describe('the routes', () => {
  it('are exactly those of shared/api/routes.ts', () => {
    const keys = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
      (route) => (route as { Properties: { RouteKey: string } }).Properties.RouteKey,
    );
    expect(keys.sort()).toEqual(routes.map(routeKey).sort());
  });

  it.each(routes.map((route) => [routeKey(route), route] as const))(
    '%s reaches its function',
    (key, route) => {
      expect(functionIdBehind(key)).toBe(functionNamed(template, handlerIds[route.fn]).id);
    },
  );

  it.each(routes.filter((route) => route.auth === 'staff').map(routeKey))(
    '%s requires a Cognito JWT',
    (key) => {
      const authorizer = resourceNamed(
        template,
        'AWS::ApiGatewayV2::Authorizer',
        'ApiHttpApiSecretariatAuthorizer',
      );
      expect(routeProps(key)).toMatchObject({
        AuthorizationType: 'JWT',
        AuthorizerId: { Ref: authorizer.id },
      });
    },
  );

  it.each(routes.filter((route) => route.auth === 'none').map(routeKey))('%s is open', (key) => {
    const props = routeProps(key);
    expect(props.AuthorizationType).toBe('NONE');
    expect(props.AuthorizerId).toBeUndefined();
  });

  it('use one integration per function', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', 3);
  });
});

describe('the JWT authorizer', () => {
  it('accepts tokens of the user pool client only', () => {
    const pool = resourceNamed(template, 'AWS::Cognito::UserPool', 'ApiUserPool');
    const client = resourceNamed(template, 'AWS::Cognito::UserPoolClient', 'ApiUserPoolClient');
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: client.id }],
        Issuer: {
          'Fn::Join': [
            '',
            ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: pool.id }],
          ],
        },
      },
    });
  });
});

describe('the default stage', () => {
  it('deploys automatically, throttles, and writes access logs', () => {
    const logs = resourceNamed(template, 'AWS::Logs::LogGroup', 'ApiAccessLogs');
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: 50, ThrottlingRateLimit: 20 },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [logs.id, 'Arn'] }, Format: Match.anyValue() },
    });
  });

  it('logs route keys, never paths with their query strings (signed tokens)', () => {
    const stage = resourceNamed(template, 'AWS::ApiGatewayV2::Stage', 'ApiDefaultStage');
    const format = (stage.props.AccessLogSettings as { Format: string }).Format;
    expect(JSON.parse(format)).toMatchObject({
      requestId: '$context.requestId',
      routeKey: '$context.routeKey',
    });
    expect(format).not.toMatch(/\$context\.(path|requestOverride|querystring)/i);
  });
});

describe('the user pool', () => {
  it('is invitation-only, with a strong password policy and required TOTP', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: {
          MinimumLength: 14,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
    });
  });

  it('has a client without secret or OAuth flows (SRP, and admin sign-in for the command line), and the groups', () => {
    const pool = resourceNamed(template, 'AWS::Cognito::UserPool', 'ApiUserPool');
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      UserPoolId: { Ref: pool.id },
      ExplicitAuthFlows: [
        'ALLOW_ADMIN_USER_PASSWORD_AUTH',
        'ALLOW_USER_SRP_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
      ],
      AllowedOAuthFlowsUserPoolClient: false,
      GenerateSecret: Match.absent(),
      PreventUserExistenceErrors: 'ENABLED',
    });
    for (const group of STAFF_GROUPS)
      template.hasResourceProperties('AWS::Cognito::UserPoolGroup', {
        GroupName: group,
        UserPoolId: { Ref: pool.id },
      });
    template.resourceCountIs('AWS::Cognito::UserPoolGroup', 6);
  });
});

describe('the console’s sign-in', () => {
  it('is the user pool’s managed login: code with PKCE, no secret, back to the console', () => {
    const pool = resourceNamed(template, 'AWS::Cognito::UserPool', 'ApiUserPool');
    const api = resourceNamed(template, 'AWS::ApiGatewayV2::Api', 'ApiHttpApi');
    const endpoint = { 'Fn::GetAtt': [api.id, 'ApiEndpoint'] };
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      UserPoolId: { Ref: pool.id },
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: [{ 'Fn::Join': ['', [endpoint, '/console/callback']] }],
      LogoutURLs: [{ 'Fn::Join': ['', [endpoint, '/console/signed-out']] }],
      SupportedIdentityProviders: ['COGNITO'],
      GenerateSecret: false,
      IdTokenValidity: 60,
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'gcm-consultations-dev',
      UserPoolId: { Ref: pool.id },
    });
  });

  it('reaches the console function on every /console route, which checks its session itself', () => {
    const consoleRoutes = routes.filter((route) => route.fn === 'console');
    expect(consoleRoutes.length).toBeGreaterThan(0);
    for (const route of consoleRoutes) expect(routeProps(routeKey(route)).AuthorizationType).toBe('NONE');
  });
});
