import { NotFoundError } from '#domain/errors';
import { normalizeEmail } from '#domain/text';
import type { PageRequest } from '#store/pages';
import type { Suppression } from '#store/suppressions';
import type { Needs } from './dependencies';
import { allRegistrants } from './registrant-list';

/** What the secretariat sees of the addresses nothing more is sent to, and why: a page, in address order. */
export async function listSuppressions(deps: Needs<'store'>, request: PageRequest) {
  const page = await deps.store.suppressions.page(request);
  return { suppressions: page.items, ...(page.next ? { next: page.next } : {}) };
}

/** The suppressed addresses among a review's registrants, with why nothing more is sent to them. */
export async function suppressedRegistrants(
  deps: Needs<'store'>,
  reviewId: string,
  now: Date,
): Promise<Suppression[]> {
  const addresses = new Set(
    (await allRegistrants(deps, reviewId, now)).map((registrant) => normalizeEmail(registrant.email)),
  );
  return (await deps.store.suppressions.list()).filter((s) => addresses.has(normalizeEmail(s.email)));
}

export async function showSuppression(deps: Needs<'store'>, email: string | undefined): Promise<Suppression> {
  const suppression = email ? await deps.store.suppressions.get(email) : undefined;
  if (!suppression) throw new NotFoundError(`suppression of ${email}`);
  return suppression;
}
