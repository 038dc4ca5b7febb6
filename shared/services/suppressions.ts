import { NotFoundError } from '../domain/errors';
import { isSuppressed, listSuppressions, type Suppression } from '../store/suppressions';

/** What the secretariat sees of the addresses nothing more is sent to, and why. */
export async function listAllSuppressions(): Promise<{ suppressions: Suppression[] }> {
  return { suppressions: await listSuppressions() };
}

export async function showSuppression(email: string | undefined): Promise<Suppression> {
  const suppression = email ? await isSuppressed(email) : undefined;
  if (!suppression) throw new NotFoundError(`suppression of ${email}`);
  return suppression;
}
