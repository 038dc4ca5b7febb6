import * as z from 'zod';
import { issuesFromZod, ValidationError } from '#domain/errors';
import { openText, sealText } from '#domain/tokens';
import type { Cursor, PageRequest } from '#store/pages';

/** Items of a listing a page holds unless `limit` says otherwise, and at most. */
export const DEFAULT_PAGE_LIMIT = 100;
export const MAX_PAGE_LIMIT = 500;

/**
 * A cursor is the key of a page's last item: strings by attribute name, as DynamoDB keys the table, none longer than
 * a key part may be (1 KB, a sort key's limit), which DynamoDB would refuse with an error answered 500.
 */
const CursorKey = z.record(
  z.string(),
  z.string().refine((value) => Buffer.byteLength(value) <= 1024),
);

/** What a cursor seals: the key, named so that no other sealed text (a link's claims) reads as one. */
const Sealed = z.object({ page: CursorKey });

const pageQuery = (secret: string) =>
  z.object({
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT),
    cursor: z
      .string()
      .optional()
      .transform((text, context) => {
        if (text === undefined || text === '') return undefined;
        try {
          return Sealed.parse(JSON.parse(openText(text, secret) ?? '')).page;
        } catch {
          context.addIssue({ code: 'custom', message: 'not a cursor of this listing' });
          return z.NEVER;
        }
      }),
  });

/**
 * The page a listing is asked for: `?limit=` (1 to 500, 100 by default) items after `?cursor=`, the `next` of the
 * page before. A listing answers `next` while there are more, and leaves it out on its last page. `secret` is the
 * link secret cursors are sealed with.
 */
export function pageRequestOf(
  query: Record<string, string | undefined> | undefined,
  secret: string,
): PageRequest {
  const parsed = pageQuery(secret).safeParse({ limit: query?.limit, cursor: query?.cursor });
  if (!parsed.success) throw new ValidationError(issuesFromZod(parsed.error));
  return { limit: parsed.data.limit, ...(parsed.data.cursor ? { after: parsed.data.cursor } : {}) };
}

/**
 * A page's `next` as the API answers it, while there are more: the key to go on after, sealed under the link
 * secret, since a key may hold a registrant's address and cursors travel in addresses (browser histories, logs).
 */
export const withNext = (next: Cursor | undefined, secret: string): { next?: string } =>
  next ? { next: sealText(JSON.stringify({ page: next }), secret) } : {};
