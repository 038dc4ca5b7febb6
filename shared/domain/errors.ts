import type { z } from 'zod';

export interface FieldIssue {
  /** Where in the input, e.g. `meetings[0].date`. */
  field: string;
  message: string;
  /** The named business rule that was broken, when it is one rather than a malformed value. */
  rule?: string;
}

/** Input that is well-formed JSON but breaks a field's format or a rule: answered with 422. */
export class ValidationError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '));
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends Error {
  constructor(readonly what: string) {
    super(`${what} not found`);
    this.name = 'NotFoundError';
  }
}

/** Someone else changed the same record first: answered with 409, the caller re-reads and retries. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '');
}

export function issuesFromZod(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: fieldPath([...(prefix ? [prefix] : []), ...issue.path]) || '(body)',
    message: issue.message,
  }));
}

/** Parses with a zod schema and turns its issues into a ValidationError that names each field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(issuesFromZod(result.error));
  return result.data;
}
