import { HttpException, Logger } from '@nestjs/common';
import { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError, ErrorCode, errorCodeOfHttpStatus } from './app-error.js';

const logger = new Logger('GraphQLErrors');

// Errors GraphQL itself raises before any resolver runs (syntax, schema validation, limits,
// variable coercion): all client mistakes, so all BAD_USER_INPUT, with the original kind kept in `reason`.
const requestErrorCodes = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_SUPPORTED']);

export interface FormatOptions {
  /** Drops "Did you mean ...?" hints, which would let a stranger map the schema. */
  hideSuggestions: boolean;
}

/**
 * The one place that decides what a client sees of an error: the contract's codes, the
 * offending input paths in `extensions.fields`, and never a stack trace or an internal message.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown, options: FormatOptions): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof AppError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.extensions } };
  }
  if (original instanceof HttpException) {
    const code = errorCodeOfHttpStatus(original.getStatus());
    if (code) {
      const retryAfter = (original.getResponse() as { retryAfterSeconds?: number }).retryAfterSeconds;
      return { ...base, message: original.message, extensions: { code, ...(retryAfter ? { retryAfterSeconds: retryAfter } : {}) } };
    }
  }
  const reason = formatted.extensions?.code;
  if (typeof reason === 'string' && requestErrorCodes.has(reason)) {
    const message = options.hideSuggestions ? formatted.message.replace(/ ?Did you mean .+\?$/, '') : formatted.message;
    return { ...base, message, extensions: { ...formatted.extensions, code: ErrorCode.BadUserInput, reason, fields: fieldsFromMessage(formatted.message) } };
  }

  logger.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL request');
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.InternalServerError } };
}

/**
 * Input paths named by graphql-js's variable and argument errors, written like class-validator's
 * (`input.specialties.0.specialty`): `Variable "$input" got invalid value ... at "input.role"`,
 * `Field "x" is not defined by type ...`, `Field "x" of required type ... was not provided`.
 */
export function fieldsFromMessage(message: string): string[] {
  const variable = /^Variable "\$(\w+)" got invalid value/.exec(message)?.[1];
  const at = /at "([\w.[\]]+)"/.exec(message)?.[1]?.replace(/\[(\d+)\]/g, '.$1');
  const base = at ?? variable;
  const child = /Field "(\w+)" (?:is not defined by type|of required type .* was not provided)/.exec(message)?.[1];
  const argument = /Argument "(\w+)"/.exec(message)?.[1];
  if (child) return [base ? `${base}.${child}` : child];
  if (base) return [base];
  return argument ? [argument] : [];
}
