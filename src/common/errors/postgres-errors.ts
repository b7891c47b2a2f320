import { QueryFailedError } from 'typeorm';

/** True when `error` is PostgreSQL's unique violation on `constraint` (or on any constraint when omitted). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}
