import { routes } from '#api/routes';
import { describe, expect, test as it } from '#test/support/fixtures';
import { GROUPS } from '#test/support/reliability/bad-inputs/groups';
import { problems, routeOf, tryInputs } from '#test/support/reliability/bad-inputs/try';
import { prepareWorld, type World } from '#test/support/reliability/bad-inputs/world';

/** Enough of a world to write the tables with: which routes they reach does not depend on the records' ids. */
const PLACEHOLDERS: World = {
  reviewId: 'europe',
  registrant: 'someone@example.org',
  manageToken: 'token',
  requestId: 'request',
  contributionId: 'contribution',
  africaToken: 'token',
  cookie: 'console-session=x',
  csrf: 'csrf',
  signingKey: 'placeholder-secret',
};

describe('bad inputs', () => {
  it('are at least 200, and reach every route of the route list', () => {
    const inputs = Object.values(GROUPS).flatMap((group) => group(PLACEHOLDERS));
    const reached = new Set(inputs.map(routeOf));
    expect(inputs.length).toBeGreaterThanOrEqual(200);
    expect(routes.map((route) => `${route.method} ${route.path}`).filter((key) => !reached.has(key))).toEqual(
      [],
    );
  });

  for (const [group, inputsOf] of Object.entries(GROUPS))
    it(`to ${group} are never answered 5xx, and each validation error names its field`, async ({
      api,
      runtime,
    }) => {
      const outcomes = await tryInputs(api.baseUrl, inputsOf(await prepareWorld(api, runtime.signingKey)));
      expect(problems(outcomes)).toEqual([]);
    });
});
