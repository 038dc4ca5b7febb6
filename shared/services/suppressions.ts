import { NotFoundError } from '#domain/errors';
import type { Suppression } from '#store/suppressions';
import type { Needs } from './dependencies';

/** What the secretariat sees of the addresses nothing more is sent to, and why. */
export async function listAllSuppressions(deps: Needs<'store'>): Promise<{ suppressions: Suppression[] }> {
  return { suppressions: await deps.store.suppressions.list() };
}

export async function showSuppression(deps: Needs<'store'>, email: string | undefined): Promise<Suppression> {
  const suppression = email ? await deps.store.suppressions.get(email) : undefined;
  if (!suppression) throw new NotFoundError(`suppression of ${email}`);
  return suppression;
}
