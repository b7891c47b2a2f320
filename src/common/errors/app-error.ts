/** The `extensions.code` values the public contract allows. */
export enum ErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  BadUserInput = 'BAD_USER_INPUT',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  InternalServerError = 'INTERNAL_SERVER_ERROR',
}

/** The HTTP status each code answers with on REST. */
export const HTTP_STATUS_OF: Record<ErrorCode, number> = {
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.TooManyRequests]: 429,
  [ErrorCode.InternalServerError]: 500,
};

const CODE_OF_HTTP_STATUS: Partial<Record<number, ErrorCode>> = {
  400: ErrorCode.BadUserInput,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.BadUserInput,
  415: ErrorCode.BadUserInput,
  429: ErrorCode.TooManyRequests,
};

/** The code of an HTTP status raised by Nest, Fastify or a library (`HttpException`s), when the contract has one for it. */
export function errorCodeOfHttpStatus(status: number): ErrorCode | undefined {
  return CODE_OF_HTTP_STATUS[status];
}

/**
 * Base of every expected failure. Features throw the subclasses below with their own
 * messages; `formatGraphqlError` turns them into `extensions.code` (+ `extensions.fields`).
 */
export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;

  constructor(
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthenticatedError extends AppError {
  readonly code = ErrorCode.Unauthenticated;
}

export class ForbiddenError extends AppError {
  readonly code = ErrorCode.Forbidden;
}

/** "<Thing> not found": also the answer for other tenants' objects, so ids cannot be probed. */
export class NotFoundError extends AppError {
  readonly code = ErrorCode.NotFound;

  constructor(thing: string) {
    super(`${thing} not found`);
  }
}

/** `value`, or NOT_FOUND naming `thing` when it is missing (e.g. a field's parent refers to a row that is gone). */
export function orNotFound<T>(value: T | null | undefined, thing: string): T {
  if (value === null || value === undefined) throw new NotFoundError(thing);
  return value;
}

export class ConflictError extends AppError {
  readonly code = ErrorCode.Conflict;
}

/** Invalid input. `fields` lists the offending input paths, e.g. `["input.email"]`. */
export class BadUserInputError extends AppError {
  readonly code = ErrorCode.BadUserInput;

  constructor(
    message: string,
    readonly fields: string[],
  ) {
    super(message, { fields });
  }
}

export class TooManyRequestsError extends AppError {
  readonly code = ErrorCode.TooManyRequests;
}
