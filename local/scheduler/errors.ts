export type SchedulerErrorType =
  | 'ValidationException'
  | 'ConflictException'
  | 'ResourceNotFoundException'
  | 'InternalServerException';

const STATUS_CODES: Record<SchedulerErrorType, number> = {
  ValidationException: 400,
  ResourceNotFoundException: 404,
  ConflictException: 409,
  InternalServerException: 500,
};

/** An error the API answers with; `type` is the shape name the SDK turns back into its exception class. */
export class SchedulerApiError extends Error {
  readonly statusCode: number;

  constructor(
    readonly type: SchedulerErrorType,
    message: string,
  ) {
    super(message);
    this.name = type;
    this.statusCode = STATUS_CODES[type];
  }
}

export function validationError(message: string): SchedulerApiError {
  return new SchedulerApiError('ValidationException', message);
}

export function conflictError(message: string): SchedulerApiError {
  return new SchedulerApiError('ConflictException', message);
}

export function notFoundError(message: string): SchedulerApiError {
  return new SchedulerApiError('ResourceNotFoundException', message);
}
