import { QueryFailedError } from 'typeorm';

/** True when `error` is PostgreSQL's unique violation on `constraint` (or on any constraint when omitted). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}

// Data exceptions PostgreSQL raises for a value it cannot take: 22021 invalid byte sequence (NUL in
// text), 22P02 invalid text representation, 22001 string too long, 22003 number out of range,
// 22007 / 22008 invalid or out-of-range date and time. Division by zero and the like are not here.
const INVALID_VALUE_CODES = new Set(['22021', '22P02', '22001', '22003', '22007', '22008']);

/** PostgreSQL's SQLSTATE when `error` is one of its refusals of a value (see above), else undefined. */
export function invalidValueCode(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const code = (error.driverError as { code?: string }).code;
  return code && INVALID_VALUE_CODES.has(code) ? code : undefined;
}
