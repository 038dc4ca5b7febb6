import { httpFunction } from '#api/http-function';
import { PUBLIC_ROUTES, type PublicApiDependencies } from '#api/public-routes';
import { maxBodySize } from '#http/body';
import type { Instrumented } from '#observability/instrumentation';

/** Public forms are small; anything larger is refused before it is read. */
const FORM_BYTES = 16 * 1024;
/** A contribution's 20,000 characters, percent-encoded: up to 9 bytes a character in Chinese. */
const CONTRIBUTION_BYTES = 256 * 1024;

/** The stakeholders' pages and the JSON registration endpoint. */
export const publicApi = (deps: PublicApiDependencies & Instrumented) =>
  httpFunction('public-api', PUBLIC_ROUTES, deps, [
    maxBodySize((route) => (route === 'POST /contribute/{reviewId}' ? CONTRIBUTION_BYTES : FORM_BYTES)),
  ]);
