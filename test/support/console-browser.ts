import { expect } from 'vitest';

/** A browser's cookie jar, as much of one as the console's sign-in needs. */
export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  async go(url: string, init: RequestInit = {}) {
    const response = await fetch(new URL(url, this.baseUrl), {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader() },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = (pair as string).indexOf('=');
      const name = (pair as string).slice(0, at);
      const value = (pair as string).slice(at + 1);
      if (/Max-Age=0/.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  post(url: string, form: Record<string, string>) {
    return this.go(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  private cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Signs in through the local managed login as someone in some groups; answers the console's first page. */
  async signIn(email: string, groups: string[]) {
    const start = await this.go('/console/sign-in');
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location') as string);
    expect(authorize.pathname).toBe('/_local/oauth2/authorize');
    const page = await (await this.go(authorize.toString())).text();
    expect(page).toContain(email === 'secretariat@example.org' ? 'secretariat@example.org' : 'Someone else');
    const answer = await this.post('/_local/oauth2/authorize', {
      ...Object.fromEntries(authorize.searchParams),
      email,
      groups: groups.join(' '),
    });
    expect(answer.status).toBe(302);
    return this.go(answer.headers.get('location') as string);
  }
}

/** The session's token, from a console page's form. */
export const csrfOf = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1] as string;
