import { matchRoute } from '#local/api-gateway';
import { ADMIN_TOKEN } from '#test/support/service-client';
import { type Answer, type BadInput, namesField, problemWith } from './cases';

/** Sends a bad input as it is, its body and headers untouched, and reads the answer. */
async function send(baseUrl: string, input: BadInput): Promise<Answer> {
  const headers: Record<string, string> = { ...input.headers };
  if (input.contentType) headers['content-type'] = input.contentType;
  const token = input.token === undefined ? ADMIN_TOKEN : input.token;
  if (token && input.path.startsWith('/admin/')) headers.authorization = `Bearer ${token}`;
  if (input.cookie) headers.cookie = input.cookie;
  const response = await fetch(new URL(input.path, baseUrl), {
    method: input.method,
    headers,
    body: input.body,
    redirect: 'manual',
  });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('json');
  return { status: response.status, text, json: isJson ? JSON.parse(text) : undefined };
}

export interface Outcome {
  input: BadInput;
  /** `GET /admin/reviews/{reviewId}`: the route the input reached, if any. */
  route?: string;
  answer: Answer;
  problem?: string;
}

/** Tries each input, a few at a time (the service runs on the same cores as the test), in the table's order. */
export async function tryInputs(baseUrl: string, inputs: BadInput[], inFlight = 4): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(inputs.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < inputs.length; i = next++) {
      const input = inputs[i] as BadInput;
      const answer = await send(baseUrl, input);
      outcomes[i] = { input, route: routeOf(input), answer, problem: problemWith(input, answer) };
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return outcomes;
}

/** The route an input is meant for, as the route list names it. */
export function routeOf(input: Pick<BadInput, 'method' | 'path'>): string | undefined {
  const matched = matchRoute(input.method, new URL(input.path, 'http://localhost').pathname);
  return matched && `${matched.route.method} ${matched.route.path}`;
}

/** Each case whose answer is wrong, with why: what a failing test prints. */
export const problems = (outcomes: Outcome[]) =>
  outcomes.flatMap(({ input, problem }) => (problem ? [`${input.name}: ${problem}`] : []));

/** The figures of a run of bad inputs. */
export function figuresOf(outcomes: Outcome[]) {
  // The inputs a validation error must answer, naming a field.
  const validation = outcomes.filter((o) => namesField(o.input.expect, o.answer) !== undefined);
  const statuses: Record<string, number> = {};
  for (const { answer } of outcomes) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
  return {
    tried: outcomes.length,
    routes: new Set(outcomes.flatMap((o) => (o.route ? [o.route] : []))).size,
    fiveHundreds: outcomes.filter((o) => o.answer.status >= 500).length,
    validationErrors: validation.length,
    namingTheirField: validation.filter((o) => namesField(o.input.expect, o.answer)).length,
    statuses,
  };
}
