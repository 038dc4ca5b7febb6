import { DateTime, IANAZone } from 'luxon';
import { validationError } from './errors';

export type ScheduleKind = 'at' | 'rate' | 'cron';

const AT = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/;
const RATE = /^rate\([1-9]\d* (minute|minutes|hour|hours|day|days)\)$/;
const CRON = /^cron\(([^()]+)\)$/;
const CRON_FIELD = /^[0-9A-Za-z*?,\-/#]+$/;

const EXPECTED_FORMS =
  'Expected at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(minutes hours day-of-month month day-of-week year).';

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * Checks the expression the way CreateSchedule does and returns when an `at()` schedule fires (the wall-clock
 * time read in `timeZone`). Recurring schedules are accepted but return no time: the emulator never fires them.
 */
export function resolveFireTime(expression: string, timeZone: string): { kind: ScheduleKind; fireAt?: Date } {
  const at = AT.exec(expression);
  if (at) {
    const [year, month, day, hour, minute, second] = at.slice(1).map(Number);
    const local = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone: timeZone });
    if (!local.isValid) {
      throw validationError(
        `Invalid Schedule Expression ${expression}: ${local.invalidExplanation ?? 'not a date'}.`,
      );
    }
    return { kind: 'at', fireAt: local.toJSDate() };
  }
  if (RATE.test(expression)) return { kind: 'rate' };
  const cron = CRON.exec(expression);
  if (cron?.[1]) {
    checkCronFields(expression, cron[1].trim().split(/\s+/));
    return { kind: 'cron' };
  }
  throw validationError(`Invalid Schedule Expression ${expression}. ${EXPECTED_FORMS}`);
}

function checkCronFields(expression: string, fields: string[]): void {
  if (fields.length !== 6 || !fields.every((field) => CRON_FIELD.test(field))) {
    throw validationError(
      `Invalid Schedule Expression ${expression}: a cron expression has six fields. ${EXPECTED_FORMS}`,
    );
  }
  const [, , dayOfMonth, , dayOfWeek] = fields;
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) {
    throw validationError(
      `Invalid Schedule Expression ${expression}: exactly one of day-of-month and day-of-week must be '?'.`,
    );
  }
}
