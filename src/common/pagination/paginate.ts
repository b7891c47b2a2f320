import { isUUID } from 'class-validator';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BadUserInputError } from '../errors/app-error.js';
import { ConnectionArgs, ConnectionShape } from './connection.js';

interface KeysetCursor {
  /** The sort value, an ISO timestamp (`toISOString`), followed by the row id, the tie-breaker. */
  v: string;
  id: string;
}

const encodeCursor = (cursor: KeysetCursor) => Buffer.from(JSON.stringify([cursor.v, cursor.id])).toString('base64url');

// The timestamps our cursors carry: `toISOString` of a row's date (years 1000-2999, which
// PostgreSQL also reads). Anything else would reach SQL and fail there as an internal error.
const CURSOR_TIMESTAMP = /^[12]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
function isCursorTimestamp(value: unknown): value is string {
  if (typeof value !== 'string' || !CURSOR_TIMESTAMP.test(value)) return false;
  const time = Date.parse(value);
  return Number.isFinite(time) && new Date(time).toISOString() === value; // no February 30th
}

/** The client's `after`, checked to be one of our cursors (BAD_USER_INPUT naming `after` otherwise). */
function decodeCursor(after: string): KeysetCursor {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    // not JSON: refused below
  }
  if (Array.isArray(decoded) && decoded.length === 2) {
    const [v, id] = decoded as unknown[];
    if (isCursorTimestamp(v) && typeof id === 'string' && isUUID(id)) return { v, id };
  }
  throw new BadUserInputError('after is not a valid cursor', ['after']);
}

export interface KeysetOptions<T> {
  /** Column to sort on, as `alias.column` in the query builder (e.g. `m.createdAt`). */
  sortColumn: string;
  /** Column with the row's unique id (e.g. `m.id`), used to break ties. */
  idColumn: string;
  direction: 'ASC' | 'DESC';
  /** Reads the sort value (a timestamp) back from an entity, to build its cursor. */
  sortValue: (row: T) => Date;
  idValue: (row: T) => string;
}

/**
 * Keyset pagination over a query builder: one extra row tells whether a next page exists; the
 * count (same filters, no cursor) runs only if the client selects `totalCount`.
 */
export async function paginate<T extends ObjectLiteral, N = T>(
  query: SelectQueryBuilder<T>,
  args: ConnectionArgs,
  options: KeysetOptions<T>,
  toNode: (row: T) => N = (row) => row as unknown as N,
): Promise<ConnectionShape<N>> {
  const counter = query.clone();
  const page = query.clone();
  if (args.after) {
    const cursor = decodeCursor(args.after);
    const op = options.direction === 'DESC' ? '<' : '>';
    page.andWhere(`(${options.sortColumn}, ${options.idColumn}) ${op} (:cursorValue, :cursorId)`, { cursorValue: cursor.v, cursorId: cursor.id });
  }
  const rows = await page
    .orderBy(options.sortColumn, options.direction)
    .addOrderBy(options.idColumn, options.direction)
    .take(args.first + 1)
    .getMany();
  const hasNextPage = rows.length > args.first;
  const edges = rows.slice(0, args.first).map((row) => ({ cursor: encodeCursor({ v: options.sortValue(row).toISOString(), id: options.idValue(row) }), node: toNode(row) }));
  return {
    edges,
    get totalCount() {
      return counter.getCount();
    },
    pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
