import { Layout, renderPage } from '#html/layout';
import type { TokenRequest } from './identity';

/** The authorize request's parameters, carried through each button of the page. */
const CARRIED = ['client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method'] as const;

function Carried({ params }: { params: Record<string, string> }) {
  return (
    <>
      {CARRIED.map((name) => (
        <input type="hidden" name={name} value={params[name] ?? ''} />
      ))}
    </>
  );
}

/**
 * The local stand-in for Cognito's managed login page: no password, a person to be chosen (the secretariat, or a
 * region's focal point), or any address and groups typed in. In English only: it stands for Cognito's page.
 */
export function signInPage(params: Record<string, string>, users: TokenRequest[]): string {
  return renderPage(
    <Layout language="en" title="Sign in (local user pool)">
      <p>
        This page stands in for the user pool's managed login on this machine: choose who to sign in as. In
        AWS, Cognito asks for a password and a second factor here.
      </p>
      <ul>
        {users.map((user) => (
          <li>
            <form method="post" action="/_local/oauth2/authorize">
              <Carried params={params} />
              <input type="hidden" name="email" value={user.email} />
              <input type="hidden" name="groups" value={user.groups.join(' ')} />
              <button type="submit">
                {user.email} ({user.groups.join(', ')})
              </button>
            </form>
          </li>
        ))}
      </ul>
      <h2>Someone else</h2>
      <form method="post" action="/_local/oauth2/authorize">
        <Carried params={params} />
        <label for="email">Email address</label>
        <input type="email" id="email" name="email" required dir="ltr" />
        <label for="groups">Groups, separated by spaces (secretariat, region-africa, ...)</label>
        <input type="text" id="groups" name="groups" dir="ltr" />
        <button type="submit">Sign in</button>
      </form>
    </Layout>,
  );
}
