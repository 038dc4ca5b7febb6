/**
 * A bad input and what the service must answer it: never a 5xx, and a validation error that names its field. The
 * cases are rows of tables (one file per route group) so that hundreds of them stay readable.
 */
export interface BadInput {
  /** What is wrong, as a failure names it: `POST /registrations: email is a number`. */
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** Sent as it is: a malformed body stays malformed. */
  body?: string;
  contentType?: string;
  /** The admin token unless given; `null` for none. Only sent to `/admin/` routes. */
  token?: string | null;
  /** The console's session cookie, for `/console/` routes. */
  cookie?: string;
  headers?: Record<string, string>;
  expect: Expectation;
}

export type Expectation =
  /** JSON `{ issues: [{ field }] }` naming `field` (or a field inside it: `meetings` for `meetings[0].id`). */
  | { status: 400 | 422; field: string }
  /** A form page again, the field marked beside it: `<p class="error" id="<field>-error">`. */
  | { status: 409 | 422; formField: string }
  /** A console page listing the problem as `<field>: why`. */
  | { status: 422; listedField: string }
  /** A refusal that is not about a field (401, 403, 404, 413, 429, a bad link's page), or an input ignored (200). */
  | { status: number; says?: RegExp };

export interface Answer {
  status: number;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read loosely and judged field by field
  json?: any;
}

/** A field as a form page's ids write it: `meetings[0].id` is `meetings-0-id`. */
const htmlId = (field: string) => field.replace(/[.[\]]+/g, '-').replace(/-$/, '');

/** Whether an issue's field is the one expected, or inside it. */
const within = (field: string, expected: string) =>
  field === expected || field.startsWith(`${expected}.`) || field.startsWith(`${expected}[`);

/** Whether the answer is a validation error naming `field`, whichever way its kind of route names it. */
export function namesField(expect: Expectation, answer: Answer): boolean | undefined {
  if ('field' in expect) {
    const issues = answer.json?.issues;
    return Array.isArray(issues) && issues.some((issue) => within(String(issue.field), expect.field));
  }
  if ('formField' in expect) return answer.text.includes(`id="${htmlId(expect.formField)}-error"`);
  if ('listedField' in expect) return answer.text.includes(`${expect.listedField}: `);
  return undefined;
}

/** What a failure shows of an answer: JSON as it is, a page by its title and its errors. */
function gist(answer: Answer): string {
  if (answer.json !== undefined || !answer.text.includes('<html')) return answer.text.slice(0, 300);
  const title = /<title>([^<]*)<\/title>/.exec(answer.text)?.[1];
  const errors = [...answer.text.matchAll(/class="error"[^>]*>([^<]*)</g)].map((m) => m[1]);
  return `page "${title}"${errors.length > 0 ? `, errors: ${errors.join(' | ')}` : ''}`;
}

/** What is wrong with the answer to a bad input, or undefined when it is answered as it should be. */
export function problemWith(input: BadInput, answer: Answer): string | undefined {
  const { expect } = input;
  if (answer.status >= 500) return `answered ${answer.status}: ${gist(answer)}`;
  if (answer.status !== expect.status)
    return `answered ${answer.status}, not ${expect.status}: ${gist(answer)}`;
  // Whatever the case expects, a JSON validation error names a field in each of its issues.
  const issues = answer.json?.issues;
  if ([400, 422].includes(answer.status) && answer.json && !issues?.every((i: { field?: string }) => i.field))
    return `a validation error without a field: ${gist(answer)}`;
  if (namesField(expect, answer) === false) return `does not name ${JSON.stringify(expect)}: ${gist(answer)}`;
  if ('says' in expect && expect.says && !expect.says.test(answer.text))
    return `does not say ${expect.says}: ${gist(answer)}`;
  return undefined;
}
