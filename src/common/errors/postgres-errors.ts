import { Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ConflictError } from './app-error.js';

const logger = new Logger('Database');

/** True when `error` is PostgreSQL's unique violation on `constraint` (or on any constraint when omitted). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}

export type DatabaseBusyReason = 'LOCK_TIMEOUT' | 'STATEMENT_TIMEOUT' | 'POOL_TIMEOUT';

/** The database could not serve the request in time; the transaction was rolled back, so the client may retry. */
export class DatabaseBusyError extends ConflictError {
  constructor(readonly reason: DatabaseBusyReason) {
    super(reason === 'LOCK_TIMEOUT' ? 'This data is being changed by another request: try again' : 'The database is busy: try again', { retryable: true, reason });
  }
}

// lock_not_available (lock_timeout) and query_canceled (statement_timeout; we never cancel otherwise).
const TIMEOUT_CODES: Record<string, DatabaseBusyReason> = { '55P03': 'LOCK_TIMEOUT', '57014': 'STATEMENT_TIMEOUT' };
// pg-pool's error when no connection frees up within connectionTimeoutMillis.
const POOL_TIMEOUT_MESSAGE = 'timeout exceeded when trying to connect';

/**
 * A lock, statement or pool-checkout timeout as a `DatabaseBusyError` (logged in one line, no
 * stack: it is load, not a bug); any other error is returned unchanged.
 */
export function asDatabaseBusyError(error: unknown): unknown {
  const reason =
    error instanceof QueryFailedError
      ? TIMEOUT_CODES[(error.driverError as { code?: string }).code ?? '']
      : error instanceof Error && error.message === POOL_TIMEOUT_MESSAGE
        ? 'POOL_TIMEOUT'
        : undefined;
  if (!reason) return error;
  logger.warn(`database busy (${reason}): ${(error as Error).message}`);
  return new DatabaseBusyError(reason);
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
