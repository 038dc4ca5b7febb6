import { DateTime } from 'luxon';
import { dateBounds, formatDateSpec, singleDay } from './date-spec';
import { type FieldIssue, ValidationError } from './errors';
import { PRE_CONSULTATION_WEEKS, resolveMeetings } from './meetings';
import type { ReviewInput } from './review';

export const RULES = {
  preConsultationLead: 'pre-consultation-12-weeks-before-review',
  hybridNotAfterReview: 'hybrid-consultation-not-after-review',
  oneHybridConsultation: 'one-hybrid-consultation',
  atLeastOnePreConsultation: 'at-least-one-pre-consultation',
  uniqueMeetingIds: 'unique-meeting-ids',
  capacityInPersonOnly: 'capacity-only-for-the-hybrid-consultation',
} as const;

const MIN_LEAD_DAYS = PRE_CONSULTATION_WEEKS * 7;

const daysBetween = (from: string, to: string): number =>
  DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days;

/**
 * The seed's rules for a review's meetings. Breaking one with dates that are known to the day is refused;
 * with imprecise dates that may still be kept, it is a warning in the plan (the secretariat's timeline has
 * "September" for a pre-consultation before a review in "week 3 of November").
 */
export function reviewRuleChecks(review: ReviewInput): { errors: FieldIssue[]; warnings: string[] } {
  const errors: FieldIssue[] = [];
  const warnings: string[] = [];
  const inputs = review.meetings;
  if (inputs) {
    const hybrids = inputs.filter((m) => m.kind === 'hybrid-consultation').length;
    if (hybrids !== 1)
      errors.push({
        field: 'meetings',
        rule: RULES.oneHybridConsultation,
        message: `a review has exactly one hybrid multi-stakeholder consultation; ${hybrids} given`,
      });
    if (!inputs.some((m) => m.kind === 'pre-consultation'))
      errors.push({
        field: 'meetings',
        rule: RULES.atLeastOnePreConsultation,
        message: 'a review has at least one virtual pre-consultation',
      });
    inputs.forEach((m, i) => {
      if (m.capacity !== undefined && m.kind !== 'hybrid-consultation')
        errors.push({
          field: `meetings[${i}].capacity`,
          rule: RULES.capacityInPersonOnly,
          message: 'only the hybrid consultation has in-person places; pre-consultations are virtual',
        });
      if (inputs.findIndex((other) => other.id === m.id) !== i)
        errors.push({
          field: `meetings[${i}].id`,
          rule: RULES.uniqueMeetingIds,
          message: `"${m.id}" is used by another meeting of this review`,
        });
    });
  }

  const reviewDay = singleDay(review.date);
  const reviewBounds = dateBounds(review.date);
  resolveMeetings(review).forEach((meeting, i) => {
    if (!meeting.date || meeting.dateSource === 'derived') return;
    const field = `meetings[${i}].date`;
    const day = singleDay(meeting.date);
    const bounds = dateBounds(meeting.date);
    const when = formatDateSpec(meeting.date);
    const reviewWhen = formatDateSpec(review.date);
    if (meeting.kind === 'pre-consultation') {
      if (day && reviewDay) {
        const lead = daysBetween(day, reviewDay);
        if (lead < MIN_LEAD_DAYS)
          errors.push({
            field,
            rule: RULES.preConsultationLead,
            message: `a pre-consultation must be at least ${PRE_CONSULTATION_WEEKS} weeks (${MIN_LEAD_DAYS} days) before its review (${reviewWhen}); ${when} is ${lead} days before`,
          });
      } else if (daysBetween(bounds.latest, reviewBounds.earliest) < MIN_LEAD_DAYS) {
        warnings.push(
          `${meeting.id}: the pre-consultation (${when}) may be less than ${PRE_CONSULTATION_WEEKS} weeks before the review (${reviewWhen}); rule ${RULES.preConsultationLead}`,
        );
      }
    } else if (day && reviewDay) {
      if (daysBetween(reviewDay, day) > 0)
        errors.push({
          field,
          rule: RULES.hybridNotAfterReview,
          message: `the multi-stakeholder consultation (${when}) cannot be after its review (${reviewWhen})`,
        });
    } else if (daysBetween(reviewBounds.latest, bounds.earliest) > 0) {
      warnings.push(
        `${meeting.id}: the consultation (${when}) would fall after the review (${reviewWhen}); rule ${RULES.hybridNotAfterReview}`,
      );
    }
  });
  return { errors, warnings };
}

export function assertReviewRules(review: ReviewInput): void {
  const { errors } = reviewRuleChecks(review);
  if (errors.length > 0) throw new ValidationError(errors);
}
