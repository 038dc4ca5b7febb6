import type { BadInput, Expectation } from './cases';

/** The ways a JSON body can fail to be JSON at all: each is a 400 naming the body. */
const MALFORMED_JSON: [string, string][] = [
  ['cut short', '{"name":'],
  ['keys without quotes', '{name: "x"}'],
  ['single quotes', "{'name': 'x'}"],
  ['a trailing comma', '{"name": "x",}'],
  ['empty', ''],
  ['not JSON at all', 'name=x&email=y'],
];

/** Bodies that are JSON but not an object: the input as a whole is refused, `(body)`. */
const NOT_AN_OBJECT: [string, string][] = [
  ['null', 'null'],
  ['an array', '[]'],
  ['a string', '"text"'],
  ['a number', '42'],
];

/** Content types a JSON route does not read: 400 naming the content type. */
const OTHER_CONTENT_TYPES: (string | undefined)[] = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  undefined,
];

type JsonRoute = Pick<BadInput, 'method' | 'path'> & Partial<BadInput>;

/** Every way a JSON route's body can be malformed, for a body that would otherwise be `valid`. */
export function malformed(route: JsonRoute, valid: unknown): BadInput[] {
  const at = `${route.method} ${shortened(route.path)}`;
  return [
    ...MALFORMED_JSON.map(([what, body]) => ({
      ...route,
      name: `${at}: a body ${what}`,
      body,
      contentType: 'application/json',
      expect: { status: 400, field: 'body' } as const,
    })),
    ...NOT_AN_OBJECT.map(([what, body]) => ({
      ...route,
      name: `${at}: a body that is ${what}`,
      body,
      contentType: 'application/json',
      expect: { status: 422, field: '(body)' } as const,
    })),
    ...OTHER_CONTENT_TYPES.map((contentType) => ({
      ...route,
      name: `${at}: a valid body sent as ${contentType ?? 'no content type'}`,
      body: JSON.stringify(valid),
      contentType,
      expect: { status: 400, field: 'content-type' } as const,
    })),
  ];
}

/**
 * One change to a valid JSON body per row: `[what, the fields changed (undefined removes one), the field that must
 * be named]`.
 */
export function fieldRows(
  route: JsonRoute,
  valid: Record<string, unknown>,
  rows: [string, Record<string, unknown>, string][],
): BadInput[] {
  return rows.map(([what, change, field]) => ({
    ...route,
    name: `${route.method} ${shortened(route.path)}: ${what}`,
    body: JSON.stringify(withChange(valid, change)),
    contentType: 'application/json',
    expect: { status: 422, field },
  }));
}

/** One change to a valid form per row, the field that must be marked beside it on the page answered. */
export function formRows(
  route: Pick<BadInput, 'method' | 'path'> & Partial<BadInput>,
  valid: Record<string, string | string[]>,
  rows: [string, Record<string, string | string[] | undefined>, string][],
): BadInput[] {
  return rows.map(([what, change, field]) => ({
    ...route,
    name: `${route.method} ${shortened(route.path)}: ${what}`,
    body: formOf(withChange(valid, change) as Record<string, string | string[]>),
    contentType: 'application/x-www-form-urlencoded',
    expect: { status: 422, formField: field },
  }));
}

/** A request with no body to speak of, and what it must be answered. */
export const ask = (
  name: string,
  method: BadInput['method'],
  path: string,
  expect: Expectation,
  more: Partial<BadInput> = {},
): BadInput => ({ name: `${method} ${shortened(path)}: ${name}`, method, path, expect, ...more });

/** A path as a failure message shows it: a segment of thousands of characters is not worth reading. */
const shortened = (path: string) => path.replace(/[^/?=&]{100,}/g, (long) => `${long.slice(0, 8)}…`);

export function formOf(fields: Record<string, string | string[]>): string {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(name, v);
  return form.toString();
}

function withChange(valid: Record<string, unknown>, change: Record<string, unknown>) {
  const body = { ...valid, ...change };
  for (const [name, value] of Object.entries(change)) if (value === undefined) delete body[name];
  return body;
}

/** Text longer than any field allows, and a line break where one line is wanted. */
export const TOO_LONG = 'x'.repeat(20_001);
export const TWO_LINES = 'first line\nsecond line';
/** An id far past DynamoDB's key size (1 KB for a sort key), as a path or a query could carry it. */
export const HUGE_ID = 'a'.repeat(3000);

/** A sealed token (a link's, a page cursor) with one letter of its seal changed. */
export const oneLetterChanged = (token: string) =>
  `${token.slice(0, -2)}${token.at(-2) === 'A' ? 'B' : 'A'}${token.at(-1)}`;
