import { DateTime } from 'luxon';
import { dateBounds, formatDateSpec, knownDays } from './date-spec';
import { type FieldIssue, ValidationError } from './errors';
import { heldInPerson, type Meeting, modeOf, PRE_CONSULTATION_WEEKS, resolveMeetings } from './meetings';
import type { ReviewInput } from './review';

export const RULES = {
  preConsultationLead: 'pre-consultation-12-weeks-before-review',
  hybridNotAfterReview: 'hybrid-consultation-not-after-review',
  oneHybridConsultation: 'one-hybrid-consultation',
  atLeastOnePreConsultation: 'at-least-one-pre-consultation',
  uniqueMeetingIds: 'unique-meeting-ids',
  capacityInPersonOnly: 'capacity-for-one-meeting-held-in-person',
  titled: 'meeting-named-by-its-title',
} as const;

/** The kinds of meeting that a kind alone does not name: there may be several, on different subjects. */
const TITLED_KINDS: readonly string[] = ['consultation', 'briefing', 'gcm-talk'];

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
  if (inputs && review.kind === 'regional-review') {
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
  }
  if (inputs) {
    inputs.forEach((m, i) => {
      if (m.capacity !== undefined && !heldInPerson({ mode: modeOf(m) }))
        errors.push({
          field: `meetings[${i}].capacity`,
          rule: RULES.capacityInPersonOnly,
          message: 'a virtual meeting has no in-person places: hold it in person or hybrid',
        });
      else if (m.capacity !== undefined && inputs.findIndex((other) => other.capacity !== undefined) !== i)
        errors.push({
          field: `meetings[${i}].capacity`,
          rule: RULES.capacityInPersonOnly,
          message: 'one meeting of a review counts its in-person places; another one has a capacity already',
        });
      if (TITLED_KINDS.includes(m.kind) && !m.title)
        errors.push({
          field: `meetings[${i}].title`,
          rule: RULES.titled,
          message: `a ${m.kind} is named by its title: give one`,
        });
      if (inputs.findIndex((other) => other.id === m.id) !== i)
        errors.push({
          field: `meetings[${i}].id`,
          rule: RULES.uniqueMeetingIds,
          message: `"${m.id}" is used by another meeting of this review`,
        });
    });
  }

  const reviewDays = knownDays(review.date);
  const reviewBounds = dateBounds(review.date);
  const reviewWhen = formatDateSpec(review.date);
  resolveMeetings(review).forEach((meeting, i) => {
    if (!meeting.date || meeting.dateSource === 'derived') return;
    const field = `meetings[${i}].date`;
    const days = knownDays(meeting.date);
    const bounds = dateBounds(meeting.date);
    const when = formatDateSpec(meeting.date);
    if (meeting.kind === 'pre-consultation') {
      if (days && reviewDays) {
        const lead = daysBetween(days.lastDay, reviewDays.firstDay);
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
    } else if (meeting.kind === 'hybrid-consultation') {
      if (days && reviewDays) {
        const after = daysBetween(reviewDays.firstDay, days.lastDay);
        if (after > 0 || (after === 0 && endsAfterReviewStarts(meeting, review, reviewDays.firstDay)))
          errors.push({
            field,
            rule: RULES.hybridNotAfterReview,
            message: `the multi-stakeholder consultation (${when}) must end before its review (${reviewWhen}) begins, at ${review.startTime}`,
          });
        else if (after === 0)
          warnings.push(
            `${meeting.id}: the consultation (${when}) is held on the morning of the review, before it begins at ${review.startTime}, where the seed advises the day before`,
          );
      } else if (daysBetween(reviewBounds.latest, bounds.earliest) > 0) {
        warnings.push(
          `${meeting.id}: the consultation (${when}) would fall after the review (${reviewWhen}); rule ${RULES.hybridNotAfterReview}`,
        );
      }
    }
    // Further consultations, briefings and GCM Talks may fall before, during or after the review.
  });
  return { errors, warnings };
}

/** Whether a meeting on the review's first day runs into the review's start, each in its own time zone. */
function endsAfterReviewStarts(meeting: Meeting, review: ReviewInput, reviewFirstDay: string): boolean {
  const ends = DateTime.fromISO(`${reviewFirstDay}T${meeting.startTime}`, { zone: meeting.timeZone }).plus({
    minutes: meeting.durationMinutes,
  });
  const begins = DateTime.fromISO(`${reviewFirstDay}T${review.startTime}`, { zone: review.timeZone });
  return ends > begins;
}

export function assertReviewRules(review: ReviewInput): void {
  const { errors } = reviewRuleChecks(review);
  if (errors.length > 0) throw new ValidationError(errors);
}
