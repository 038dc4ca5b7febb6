import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { SignIn } from '#services/console-session';

/** Cognito's public key set, when it is handed over rather than fetched (the local user pool's). */
type Jwks = Parameters<ReturnType<typeof CognitoJwtVerifier.create>['cacheJwks']>[0];

/**
 * Cognito's managed login (authorization code with PKCE, a public client) and its ID tokens, verified with
 * `aws-jwt-verify`: signature against the pool's keys, issuer, audience, `token_use: id`, expiry. `domainUrl` is
 * the pool's domain (`https://<prefix>.auth.<region>.amazoncognito.com`); the local runtime serves the same
 * endpoints, and hands over its keys, which Cognito's are fetched from the pool.
 */
export function cognitoSignIn(settings: {
  domainUrl: string;
  userPoolId: string;
  clientId: string;
  jwks?: Jwks;
}): SignIn {
  const base = settings.domainUrl.replace(/\/+$/, '');
  const verifier = CognitoJwtVerifier.create({
    userPoolId: settings.userPoolId,
    tokenUse: 'id',
    clientId: settings.clientId,
  });
  if (settings.jwks) verifier.cacheJwks(settings.jwks);
  return {
    authorizeUrl(state, codeChallenge, redirectUri) {
      const url = new URL(`${base}/oauth2/authorize`);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: settings.clientId,
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        state,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
      }).toString();
      return url.toString();
    },

    async exchangeCode(code, codeVerifier, redirectUri) {
      const response = await fetch(`${base}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: settings.clientId,
          code,
          redirect_uri: redirectUri,
          code_verifier: codeVerifier,
        }),
        signal: AbortSignal.timeout(5000),
      });
      if (!response.ok) return undefined;
      const { id_token: idToken } = (await response.json()) as { id_token?: string };
      return idToken;
    },

    async verify(idToken) {
      try {
        return (await verifier.verify(idToken)) as Record<string, unknown>;
      } catch {
        return undefined;
      }
    },

    logoutUrl(returnTo) {
      const url = new URL(`${base}/logout`);
      url.search = new URLSearchParams({ client_id: settings.clientId, logout_uri: returnTo }).toString();
      return url.toString();
    },
  };
}
