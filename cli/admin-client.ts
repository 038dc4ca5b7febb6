import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Language } from '#i18n/languages';
import { ADMIN_TOKEN_FILE } from '#local/runtime';

/**
 * The admin API as the command line reaches it: `npm start`'s on PORT (3000) with the admin token its data folder
 * keeps, or a deployment's (`--url https://...`, and a Cognito ID token in CONSULT_TOKEN or ADMIN_TOKEN).
 */
export function adminClient(url: string | undefined, token: string | undefined) {
  const base = (url ?? process.env.CONSULT_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(
    /\/+$/,
    '',
  );
  const bearer = token ?? process.env.CONSULT_TOKEN ?? process.env.ADMIN_TOKEN ?? keptToken();
  return {
    base,
    async call(method: string, path: string, body?: { json: unknown } | { csv: string }) {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${bearer}`,
          ...(body ? { 'content-type': 'json' in body ? 'application/json' : 'text/csv' } : {}),
        },
        body: body ? ('json' in body ? JSON.stringify(body.json) : body.csv) : undefined,
      });
      const text = await response.text();
      const isJson = response.headers.get('content-type')?.includes('json');
      return { status: response.status, ok: response.ok, text, body: isJson ? JSON.parse(text) : undefined };
    },
    /** A file the API answers (a part of an export): its bytes, how many parts there are, its language. */
    async download(path: string) {
      const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
      const bytes = Buffer.from(await response.arrayBuffer());
      const header = (name: string) => response.headers.get(name) ?? undefined;
      return {
        status: response.status,
        ok: response.ok,
        text: bytes.toString('utf8'),
        bytes,
        parts: Number(header('x-export-parts') ?? 1),
        language: Language.safeParse(header('content-language')).data ?? 'en',
      };
    },
  };
}

export type AdminClient = ReturnType<typeof adminClient>;

/** The token `npm start` keeps in its data folder. */
function keptToken(): string {
  const file = join(resolve(process.env.LOCAL_DATA_DIR ?? '.local/data'), ADMIN_TOKEN_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  console.error(
    'No token: give --token, or set CONSULT_TOKEN (or ADMIN_TOKEN, as `npm start -- --memory` needs), or start the service with its data folder.',
  );
  process.exit(1);
}
