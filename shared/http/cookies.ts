import type { HttpEvent } from './event';

/** The request's cookies by name (API Gateway passes them as `name=value` strings). */
export function cookiesOf(event: HttpEvent): Record<string, string> {
  return Object.fromEntries(
    (event.cookies ?? []).flatMap((pair) => {
      const at = pair.indexOf('=');
      return at > 0 ? [[pair.slice(0, at).trim(), decodeURIComponent(pair.slice(at + 1).trim())]] : [];
    }),
  );
}

/**
 * A Set-Cookie value: HttpOnly always, SameSite=Lax (sent on the top-level return from the sign-in page, not on
 * another site's POST), Secure on HTTPS, scoped to a path; `maxAge` 0 removes it.
 */
export function setCookie(
  name: string,
  value: string,
  options: { path: string; maxAge: number; secure: boolean },
): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${options.path}`,
    `Max-Age=${options.maxAge}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}
