import * as z from 'zod';
import { issuesFromZod, ValidationError } from '#domain/errors';
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

const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).default(DEFAULT_PAGE_LIMIT),
  cursor: z
    .string()
    .optional()
    .transform((text, context) => {
      if (text === undefined || text === '') return undefined;
      try {
        return CursorKey.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
      } catch {
        context.addIssue({ code: 'custom', message: 'not a cursor of this listing' });
        return z.NEVER;
      }
    }),
});

/**
 * The page a listing is asked for: `?limit=` (1 to 500, 100 by default) items after `?cursor=`, the `next` of the
 * page before. A listing answers `next` while there are more, and leaves it out on its last page.
 */
export function pageRequestOf(query: Record<string, string | undefined> | undefined): PageRequest {
  const parsed = PageQuery.safeParse({ limit: query?.limit, cursor: query?.cursor });
  if (!parsed.success) throw new ValidationError(issuesFromZod(parsed.error));
  return { limit: parsed.data.limit, ...(parsed.data.cursor ? { after: parsed.data.cursor } : {}) };
}

/** A page's `next` as the API answers it: the opaque text of the key to go on after, while there are more. */
export const withNext = (next: Cursor | undefined): { next?: string } =>
  next ? { next: Buffer.from(JSON.stringify(next)).toString('base64url') } : {};
