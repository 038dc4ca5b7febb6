import { CONSOLE_ROUTES, type ConsoleDependencies } from '#api/console-routes';
import { httpFunction } from '#api/http-function';
import { maxBodySize } from '#http/body';

/** The console's forms are small. */
const FORM_BYTES = 16 * 1024;

/** The secretariat's console: pages behind its own sign-in, each scoped to what the person may see. */
export const consoleFunction = (deps: ConsoleDependencies) =>
  httpFunction('console', CONSOLE_ROUTES, deps, [maxBodySize(() => FORM_BYTES)]);
