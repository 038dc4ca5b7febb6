import { httpFunction } from '#api/http-function';
import { PUBLIC_ROUTES, type PublicApiDependencies } from '#api/public-routes';
import { maxBodySize } from '#http/body';

/** Public forms are small; anything larger is refused before it is read. */
const MAX_BODY_BYTES = 16 * 1024;

/** The stakeholders' pages and the JSON registration endpoint. */
export const publicApi = (deps: PublicApiDependencies) =>
  httpFunction('public-api', PUBLIC_ROUTES, deps, [maxBodySize(MAX_BODY_BYTES)]);
