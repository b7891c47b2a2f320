import { GRAPHQL_PATH } from '../graphql/graphql-options.js';
import { ErrorCode, errorCodeOfHttpStatus } from './app-error.js';
import { truncate } from './format-graphql-error.js';

/** What a REST client receives for any error: the GraphQL contract's code and message (and `fields` for BAD_USER_INPUT), plus details. */
export interface HttpErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  fields?: string[];
  [detail: string]: unknown;
}

/** The body for a refusal with `statusCode` (a 4xx, or a 5xx such as 503 while shutting down): the contract's code for that status. */
export function errorBodyOfStatus(statusCode: number, message: string, details: Record<string, unknown> = {}): HttpErrorBody {
  const code = errorCodeOfHttpStatus(statusCode) ?? (statusCode >= 500 ? ErrorCode.InternalServerError : ErrorCode.BadUserInput);
  return { statusCode, code, message, ...(code === ErrorCode.BadUserInput ? { fields: [] } : {}), ...details };
}

/**
 * What is sent for `body` to a request for `url`: on the GraphQL endpoint a GraphQL response,
 * `{ errors: [{ message, extensions: { code, ... } }] }`; elsewhere `body` itself.
 */
export function errorPayload(url: string | undefined, given: HttpErrorBody): unknown {
  // Messages may quote what a client sent (a library's multipart error, say): capped as GraphQL's are.
  const body = { ...given, message: truncate(given.message) };
  if (url?.split('?', 1)[0] !== GRAPHQL_PATH) return body;
  const { statusCode: _statusCode, message, ...extensions } = body;
  return { errors: [{ message, extensions }] };
}
