import { HttpException, Logger } from '@nestjs/common';
import { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError, ErrorCode, errorCodeOfHttpStatus } from './app-error.js';
import { asDatabaseBusyError } from './postgres-errors.js';

const logger = new Logger('GraphQLErrors');

// Errors GraphQL itself raises before any resolver runs (syntax, schema validation, limits,
// variable coercion): all client mistakes, so all BAD_USER_INPUT, with the original kind kept in `reason`.
const requestErrorCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_HASH_MISMATCH',
  'PERSISTED_QUERY_VERSION_UNSUPPORTED',
]);

// Apollo's persisted-query refusals that carry no code of their own (only an HTTP 400), by message.
const apolloRequestErrors = new Map([
  ['provided sha does not match query', 'PERSISTED_QUERY_HASH_MISMATCH'],
  ['Unsupported persisted query version', 'PERSISTED_QUERY_VERSION_UNSUPPORTED'],
]);

function apolloRequestErrorReason(error: unknown): string | undefined {
  const { message, path } = (error ?? {}) as { message?: unknown; path?: unknown };
  return typeof message === 'string' && !path ? apolloRequestErrors.get(message) : undefined;
}

// Bounds on what one error may carry back: graphql-js quotes client text (keys, literals) in its
// messages, and a message is scanned below, so it is cut before anything else looks at it.
const MAX_MESSAGE_LENGTH = 1000;
const MAX_FIELDS = 50;

/**
 * The one place that decides what a client sees of an error: the contract's codes, the
 * offending input paths in `extensions.fields`, bounded sizes, and never a stack trace or an
 * internal message. Field suggestions are not stripped here: production turns them off where
 * graphql-js makes them (`hideSuggestions` in validation and variable coercion).
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = asDatabaseBusyError(unwrapResolverError(error));
  const base = { message: truncate(formatted.message), locations: formatted.locations, path: formatted.path };

  if (original instanceof AppError) {
    return { ...base, message: truncate(original.message), extensions: bounded({ code: original.code, ...original.extensions }) };
  }
  if (original instanceof HttpException) {
    const code = errorCodeOfHttpStatus(original.getStatus());
    if (code) {
      const retryAfter = (original.getResponse() as { retryAfterSeconds?: number }).retryAfterSeconds;
      return { ...base, message: truncate(original.message), extensions: { code, ...(retryAfter ? { retryAfterSeconds: retryAfter } : {}) } };
    }
  }
  // Apollo gives an error without a code INTERNAL_SERVER_ERROR: its own persisted-query refusals are told by their message.
  const reason = apolloRequestErrorReason(error) ?? formatted.extensions?.code;
  // The automatic persisted queries protocol: the client sends the query's text next. Its code is the
  // one APQ clients (Apollo Client, urql, ...) look for, so it is kept as Apollo answers it (HTTP 200).
  if (reason === 'PERSISTED_QUERY_NOT_FOUND') return { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } };
  if (typeof reason === 'string' && requestErrorCodes.has(reason)) {
    // Our own variable checks name the fields; graphql-js's validation errors only say them in the message.
    const fields = Array.isArray(formatted.extensions?.fields) ? formatted.extensions.fields : fieldsFromMessage(base.message);
    return { ...base, extensions: bounded({ ...formatted.extensions, code: ErrorCode.BadUserInput, reason, fields }) };
  }

  logger.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL request');
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.InternalServerError } };
}

/**
 * Input paths named by graphql-js's variable, argument and input-field errors, written like
 * class-validator's (`input.specialties.0.specialty`): `Variable "$input" got invalid value ... at
 * "input.role"`, `Field "x" is not defined by type ...`, `Field "x" of required type ...`, `Argument "x" ...`.
 * Each pattern is anchored on fixed text and takes only name characters, so it runs in linear time
 * over any message (the message may quote client text).
 */
export function fieldsFromMessage(message: string): string[] {
  const variable = /^Variable "\$(\w+)"/.exec(message)?.[1];
  const at = / at "([\w.[\]]+)"/.exec(message)?.[1]?.replace(/\[(\d+)\]/g, '.$1');
  const base = at ?? variable;
  const child = /(?:^|; )Field "(\w+)" (?:is not defined by type|of required type) /.exec(message)?.[1];
  const argument = /Argument "(\w+)"/.exec(message)?.[1];
  if (child) return [base ? `${base}.${child}` : child];
  if (base) return [base];
  return argument ? [argument] : [];
}

/** A message cut to the size every error answer keeps (GraphQL and REST alike). */
export const truncate = (message: string) => (message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…` : message);

/** At most MAX_FIELDS paths, each cut like a message. */
function bounded<T extends Record<string, unknown>>(extensions: T): T {
  const { fields } = extensions;
  if (!Array.isArray(fields)) return extensions;
  return { ...extensions, fields: fields.slice(0, MAX_FIELDS).map((field) => (typeof field === 'string' ? truncate(field) : field)) };
}
