import { canWrite, type Principal } from '#domain/access';
import { ConflictError, type FieldIssue, issuesFromZod, ValidationError } from '#domain/errors';
import type { Plan } from '#domain/plan';
import { type Review, ReviewId } from '#domain/review';
import { readReviewForm, reviewInputOf, savesReview } from '#domain/review-form';
import type { ReviewEditorState } from '#html/console-review-editor';
import { ForbiddenError } from '#http/errors';
import type { Needs } from '#services/dependencies';
import { previewReview, putReview } from '#services/reviews';
import { scopeOfReviewBody } from './staff-access';

/** The review editor's POST answered: the review saved, or the form again with its preview or its problems. */
export type EditorOutcome = { saved: string } | { status: 200 | 409 | 422; state: ReviewEditorState };

/** `/console/reviews/new` is the editor's own address: a review of that id could never be opened. */
const RESERVED_ID = 'new';

/** A new review's id: well formed, and not already another review's, which the form would silently replace. */
async function newIdIssues(deps: Needs<'store'>, reviewId: string | undefined): Promise<FieldIssue[]> {
  if (!reviewId) return [{ field: 'reviewId', message: 'give the review an id, e.g. "europe-2027"' }];
  const parsed = ReviewId.safeParse(reviewId);
  if (!parsed.success) return issuesFromZod(parsed.error, 'reviewId');
  if (reviewId === RESERVED_ID)
    return [
      { field: 'reviewId', message: `"${RESERVED_ID}" is the address of this form: choose another id` },
    ];
  if (await deps.store.reviews.get(reviewId))
    return [
      { field: 'reviewId', message: `"${reviewId}" is another review’s id already: change that one instead` },
    ];
  return [];
}

/**
 * The editor's form, posted to preview the plan (nothing saved) or to save it through the service the admin API's
 * `PUT /admin/reviews/{reviewId}` uses. A focal point may neither create a review of another region nor move
 * theirs into one (`403`). Saving over a change made since the form was filled (its `version`) is refused with the
 * form kept, for the person to look before saving again.
 */
export async function submitReviewForm(
  deps: Needs<'store' | 'scheduler'>,
  principal: Principal,
  form: URLSearchParams,
  existing: Review | undefined,
  now: Date,
): Promise<EditorOutcome> {
  const values = readReviewForm(form);
  const input = reviewInputOf(values);
  const asked = scopeOfReviewBody(input);
  if (asked && !canWrite(principal, asked))
    throw new ForbiddenError('not yours to create or move: it is another region’s, or the secretariat’s');
  const state: ReviewEditorState = { review: existing, values, issues: [] };
  const issues = existing ? [] : await newIdIssues(deps, values.reviewId);
  let plan: Plan | undefined;
  try {
    plan = previewReview(input, now);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues);
  }
  if (!plan || issues.length > 0) return { status: 422, state: { ...state, issues } };
  if (!savesReview(form)) return { status: 200, state: { ...state, preview: plan } };

  const reviewId = existing?.reviewId ?? (values.reviewId as string);
  const stale = async (): Promise<EditorOutcome> => {
    const latest = await deps.store.reviews.get(reviewId);
    const version = latest ? String(latest.version) : values.version;
    return { status: 409, state: { ...state, values: { ...values, version }, preview: plan, stale: true } };
  };
  if (existing && values.version !== String(existing.version)) return stale();
  try {
    await putReview(deps, reviewId, input, now);
  } catch (error) {
    if (error instanceof ConflictError) return stale();
    throw error;
  }
  return { saved: reviewId };
}
